using System.Text.RegularExpressions;
using IdpSmsReset.Core.Bootstrap;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Says a failed start in one line an operator can act on: which setting, what is wrong with its value, and the fix.
/// Exceptions it does not know are not described, so they keep their stack trace.
/// </summary>
public static partial class StartupMistakes
{
    public static string? Describe(Exception exception) => exception switch
    {
        // The same bad value fails every class bound over it (a section, and the catalogue above it): say it once.
        OptionsValidationException validation => string.Join(" ", validation.Failures.Distinct()),
        BootstrapException or DatabaseUnavailableException => exception.Message,
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } bind => AddressInUse(bind.Message),
        InvalidOperationException { InnerException: not null } binding when ConversionFailure().Match(binding.Message) is
            { Success: true } failed => $"{failed.Groups["key"].Value} '{failed.Groups["value"].Value}' is not "
                + $"{Expected(failed.Groups["type"].Value)}.",
        AggregateException aggregate when aggregate.InnerExceptions.All(inner => Describe(inner) is not null) =>
            string.Join(" ", aggregate.InnerExceptions.Select(Describe).Distinct()),
        _ => null,
    };

    /// <summary>Kestrel's "Failed to bind to address http://...: address already in use." said with what to do.</summary>
    private static string AddressInUse(string message)
    {
        var address = BoundAddress().Match(message).Groups[1].Value;
        return $"{(address.Length > 0 ? address : "The address to listen on")} is already in use by another process: stop "
            + "that process, or listen elsewhere with --urls (or ASPNETCORE_URLS), such as --urls http://localhost:5010.";
    }

    /// <summary>What a value of the setting's type looks like, in the words of the README's configuration table.</summary>
    private static string Expected(string typeName)
    {
        var type = Nullable.GetUnderlyingType(TypeNamed(typeName) ?? typeof(object)) ?? TypeNamed(typeName);
        return type switch
        {
            _ when type == typeof(TimeSpan) =>
                "a duration: write it as [days.]hours:minutes:seconds, such as 2.00:00:00 for two days or 00:15:00 for a quarter hour",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number, such as 0.5",
            _ when type == typeof(Uri) => "an absolute URL",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            _ => $"a valid {typeName}",
        };
    }

    private static Type? TypeNamed(string name) => Type.GetType(name)
        ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(name)).FirstOrDefault(found => found is not null);

    [GeneratedRegex(@"address (\S+?):? address already in use")]
    private static partial Regex BoundAddress();

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
