using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Administration;

/// <summary>What administrators change (event ids 5000–5099); the details, masked, are in the audit log.</summary>
internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information,
        "Administrator {Administrator} made the change {ChangeType} (subject user: {SubjectUserId})")]
    public static partial void AdministratorChange(this ILogger logger, string administrator, string changeType, string? subjectUserId);
}
