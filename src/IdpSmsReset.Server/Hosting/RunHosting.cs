using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class RunHosting
{
    /// <summary>Runs the server; a configuration or bootstrap mistake ends it with one line that names the setting.</summary>
    public static async Task<int> RunIdpAsync(this WebApplication app)
    {
        try
        {
            // Validated now, before the host would log a failure with a stack trace.
            _ = app.Services.GetRequiredService<IOptions<IdpOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            _ = app.Services.GetRequiredService<BootstrapSource>().Loaded;
            await app.RunAsync();
            return 0;
        }
        catch (Exception exception) when (Describe(exception) is { } message)
        {
            await Console.Error.WriteLineAsync($"IdpSmsReset cannot start: {message}");
            return 1;
        }
    }

    internal static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => string.Join(" ", validation.Failures),
        BootstrapException bootstrap => bootstrap.Message,
        InvalidOperationException { InnerException: FormatException or InvalidOperationException } binding
            when binding.Message.Contains("configuration value", StringComparison.Ordinal) => binding.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => Describe(aggregate.InnerException!),
        _ => null,
    };
}
