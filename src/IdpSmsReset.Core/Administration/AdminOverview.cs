using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>The counts the dashboard's first page shows, over the last day where they are events.</summary>
public sealed class AdminOverview(IdpDbContext database, TimeProvider time)
{
    /// <summary>Each SMS account's breaker as last reported, and its last failover (none: never failed).</summary>
    public Task<List<Messaging.SmsAccountHealth>> SmsAccountsAsync(CancellationToken cancellationToken) =>
        database.Set<Messaging.SmsAccountHealth>().AsNoTracking().OrderBy(health => health.Account).ToListAsync(cancellationToken);

    public async Task<AdminOverviewCounts> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var dayAgo = now.UtcDateTime.AddDays(-1);
        var messages = database.Set<OutboundSms>().Where(sms => sms.CreatedAt > dayAgo);
        var lockoutEnds = await database.Users.Where(user => user.LockoutEnd != null).Select(user
            => user.LockoutEnd).ToListAsync(cancellationToken);
        var smsConfigured = await database.SmsFactorSettingsAsync(cancellationToken) is { IsConfigured: true };
        return new AdminOverviewCounts(
            Users: await database.Users.CountAsync(cancellationToken),
            Policies: await database.Set<SecurityPolicy>().CountAsync(cancellationToken),
            MessagesSent: await messages.CountAsync(sms => sms.Status == OutboundSmsStatus.Sent
                || sms.Status == OutboundSmsStatus.Delivered, cancellationToken),
            MessagesFailed: await messages.CountAsync(sms => sms.Status == OutboundSmsStatus.Failed
                || sms.Status == OutboundSmsStatus.Undelivered, cancellationToken),
            ResetsCompleted: await database.Set<AuditEvent>()
                .CountAsync(e => e.Type == AuditEventTypes.PasswordResetCompleted && e.OccurredAt > dayAgo, cancellationToken),
            // Compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
            LockedUsers: lockoutEnds.Count(end => end > now),
            SmsFactorUnusable: !smsConfigured && await database.Set<SecurityPolicy>().AnyAsync(policy => policy.Mfa.SmsEnabled,
                cancellationToken));
    }
}

/// <param name="SmsFactorUnusable">A policy enables the SMS factor, but no validated Twilio account can send.</param>
public sealed record AdminOverviewCounts(
    int Users, int Policies, int MessagesSent, int MessagesFailed, int ResetsCompleted, int LockedUsers, bool SmsFactorUnusable);
