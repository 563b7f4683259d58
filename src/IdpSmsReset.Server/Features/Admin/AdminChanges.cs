using System.Text.Json;
using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>
/// Writes every change an administrator makes to the audit log: who, what, and the state before and after as JSON.
/// Secrets never reach it: callers pass snapshots that leave them out or mask them.
/// </summary>
public sealed class AdminChanges(AuditLog audit, IHttpContextAccessor http)
{
    public const string Masked = "********";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task WriteAsync(string type, string? subjectUserId, object? before, object? after, CancellationToken cancellationToken)
    {
        var context = http.HttpContext;
        var details = JsonSerializer.Serialize(new { before, after }, Json);
        return audit.WriteAsync(type, context?.User.Identity?.Name ?? AuditActors.System, subjectUserId,
            context?.Connection.RemoteIpAddress?.ToString(), details.Length > 2048 ? details[..2045] + "..." : details, cancellationToken);
    }
}
