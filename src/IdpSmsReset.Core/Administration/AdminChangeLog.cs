using IdpSmsReset.Core.Audit;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// Writes every change an administrator makes to the audit log: who, what, and the state before and after as JSON.
/// Secrets never reach it: callers pass snapshots that leave them out or mask them. Inside a command's unit of work
/// the row commits with the change.
/// </summary>
public sealed class AdminChangeLog(AuditLog audit, ILogger<AdminChangeLog> logger)
{
    public const string Masked = "********";

    private const int MaxDetails = 2048;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task WriteAsync(Administrator who, string type, string? subjectUserId, object? before, object? after,
        CancellationToken cancellationToken)
    {
        logger.AdministratorChange(who.Name, type, subjectUserId);
        var details = JsonSerializer.Serialize(new { before, after }, Json);
        return audit.RaiseAsync(type, who.Name, subjectUserId, who.IpAddress,
            details.Length > MaxDetails ? details[..(MaxDetails - 3)] + "..." : details, cancellationToken);
    }
}
