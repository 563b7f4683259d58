using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Overview;

/// <summary>The counts that matter, and a warning when policies use an SMS factor that cannot send.</summary>
public sealed class OverviewModel(IdpDbContext database, TimeProvider time) : PageModel
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
        var cancellationToken = HttpContext.RequestAborted;
        var now = time.GetUtcNow();
        var dayAgo = now.UtcDateTime.AddDays(-1);
        Users = await database.Users.CountAsync(cancellationToken);
        Policies = await database.Set<SecurityPolicy>().CountAsync(cancellationToken);
        var messages = database.Set<OutboundSms>().Where(sms => sms.CreatedAt > dayAgo);
        MessagesSent = await messages.CountAsync(sms => sms.Status == OutboundSmsStatus.Sent || sms.Status == OutboundSmsStatus.Delivered, cancellationToken);
        MessagesFailed = await messages.CountAsync(sms => sms.Status == OutboundSmsStatus.Failed || sms.Status == OutboundSmsStatus.Undelivered, cancellationToken);
        ResetsCompleted = await database.Set<AuditEvent>()
            .CountAsync(e => e.Type == AuditEventTypes.PasswordResetCompleted && e.OccurredAt > dayAgo, cancellationToken);
        LockedUsers = (await database.Users.Where(user => user.LockoutEnd != null).Select(user => user.LockoutEnd).ToListAsync(cancellationToken))
            .Count(end => end > now);
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        ShowSmsWarning = settings is not { IsConfigured: true }
            && await database.Set<SecurityPolicy>().AnyAsync(policy => policy.Mfa.SmsEnabled, cancellationToken);
    }
}
