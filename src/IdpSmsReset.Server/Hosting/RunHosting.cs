using IdpSmsReset.Core.Bootstrap;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class RunHosting
{
    /// <summary>
    /// The host logs a failed start with its stack trace; a configuration mistake is reported by
    /// <see cref="RunIdpAsync"/> in one line instead, and anything else still surfaces as an unhandled exception.
    /// </summary>
    public static WebApplicationBuilder AddIdpStartupReporting(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        return builder;
    }

    /// <summary>
    /// Builds the pipeline and runs the server; a configuration, database or bootstrap mistake ends it with one line
    /// naming the setting. The pipeline is built inside: the jobs dashboard needs the job storage, which needs the
    /// database, so a database mistake can surface there already.
    /// </summary>
    public static async Task<int> RunIdpAsync(this WebApplication app, Action<WebApplication> configurePipeline)
    {
        try
        {
            configurePipeline(app);
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"IdpSmsReset cannot start: {message}");
            return 1;
        }
    }

    /// <summary>
    /// Runs a command of the server's executable instead of the server (<see cref="ImportCommand"/>): the database brought
    /// up to date and the bootstrap applied as at start, then the command; its exit code, or 1 with the one line.
    /// </summary>
    public static async Task<int> RunIdpCommandAsync(this WebApplication app, ImportCommand command)
    {
        try
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().StartAsync(CancellationToken.None);
            // Ctrl+C ends the process: the batches committed stay, and the same command run again skips their users.
            return await command.RunAsync(app.Services, Console.Out, Console.Error, CancellationToken.None);
        }
        catch (Exception exception) when (Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"IdpSmsReset cannot import: {message}");
            return 1;
        }
    }

    /// <summary>Kestrel's "Failed to bind to address http://...: address already in use." said with what to do.</summary>
    private static string AddressInUse(string message)
    {
        var address = System.Text.RegularExpressions.Regex.Match(message, @"address (\S+?):? address already in use").Groups[1].Value;
        return $"{(address.Length > 0 ? address : "The address to listen on")} is already in use by another process: stop "
            + "that process, or listen elsewhere with --urls (or ASPNETCORE_URLS), such as --urls http://localhost:5010.";
    }

    internal static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        BootstrapException or DatabaseUnavailableException => exception.Message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } bind => AddressInUse(bind.Message),
        // The configuration binder's own words name the key and the value it could not convert.
        InvalidOperationException { InnerException: not null } binding
            when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => binding.Message,
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => Describe(inner) is not null) =>
            // The same bad value fails every class bound over it (a section, and the catalogue above it): say it once.
            string.Join(" ", aggregate.InnerExceptions.Select(inner => Describe(inner)).Distinct()),
        _ => null,
    };
}
