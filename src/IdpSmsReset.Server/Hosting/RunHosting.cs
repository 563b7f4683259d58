using IdpSmsReset.Core.Bootstrap;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class RunHosting
{
    /// <summary>Runs the server; a configuration or bootstrap mistake ends it with one line that names the setting.</summary>
    public static async Task<int> RunIdpAsync(this WebApplication app)
    {
        try
        {
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
        AggregateException aggregate when aggregate.InnerExceptions.Count == 1 => Describe(aggregate.InnerException!),
        _ => null,
    };
}
