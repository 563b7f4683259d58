using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Overview;

/// <summary>The counts that matter, and a warning when policies use an SMS factor that cannot send.</summary>
public sealed class OverviewModel(AdminOverview overview) : PageModel
{
    public const string SmsFactorWarning =
        "The SMS factor is enabled in a policy, but Twilio is not validated: SMS codes and SMS password reset do not work.";

    public int Users { get; private set; }

    public int Policies { get; private set; }

    public int MessagesSent { get; private set; }

    public int MessagesFailed { get; private set; }

    public int ResetsCompleted { get; private set; }

    public int LockedUsers { get; private set; }

    public bool ShowSmsWarning { get; private set; }

    public async Task OnGetAsync()
    {
        var counts = await overview.ReadAsync(HttpContext.RequestAborted);
        (Users, Policies, MessagesSent, MessagesFailed, ResetsCompleted, LockedUsers, ShowSmsWarning) =
            (counts.Users, counts.Policies, counts.MessagesSent, counts.MessagesFailed, counts.ResetsCompleted, counts.LockedUsers,
                counts.SmsFactorUnusable);
    }
}
