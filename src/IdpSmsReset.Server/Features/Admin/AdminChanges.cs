using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>
/// The administrator behind the current request, for Core's commands: they write the audit row themselves, inside their
/// unit of work, so a page never does.
/// </summary>
public sealed class AdminChanges(IHttpContextAccessor http)
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
}
