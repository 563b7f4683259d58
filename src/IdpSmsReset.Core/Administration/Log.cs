using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Administration;

/// <summary>What administrators change (event ids 5000–5099); the details, masked, are in the audit log.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information,
        "Administrator {Administrator} made the change {ChangeType} (subject user: {SubjectUserId})")]
    public static partial void AdministratorChange(this ILogger logger, string administrator, string changeType, string? subjectUserId);

    [LoggerMessage(5010, LogLevel.Warning, "The first administrator {UserName} was made from Idp:BootstrapAdmin: at the first sign-in"
        + " they choose their own password and set up a second factor; remove the settings now")]
    public static partial void FirstAdministratorCreated(this ILogger logger, string userName);

    [LoggerMessage(5011, LogLevel.Warning, "Idp:BootstrapAdmin is ignored: an administrator exists already; remove the settings")]
    public static partial void FirstAdministratorIgnored(this ILogger logger);

    [LoggerMessage(5012, LogLevel.Warning, "No administrator exists: set Idp__BootstrapAdmin__UserName and Idp__BootstrapAdmin__Password"
        + " (environment) to make the first one at the next start")]
    public static partial void NoAdministrator(this ILogger logger);
}
