using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>The administrator behind the current request, for Core's commands and its <see cref="AdminChangeLog"/>.</summary>
public sealed class AdminChanges(AdminChangeLog log, IHttpContextAccessor http)
{
    public const string Masked = AdminChangeLog.Masked;

    public Administrator Current
    {
        get
        {
            var context = http.HttpContext;
            return new Administrator(context?.User.Identity?.Name ?? AuditActors.System, context?.Connection.RemoteIpAddress?.ToString());
        }
    }

    public Task WriteAsync(string type, string? subjectUserId, object? before, object? after, CancellationToken cancellationToken) =>
        log.WriteAsync(Current, type, subjectUserId, before, after, cancellationToken);
}
