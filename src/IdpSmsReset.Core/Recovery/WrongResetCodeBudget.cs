using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Bounds guessing across flows: the per-code attempts start again with every new code, so wrong codes are also
/// counted per account (over a day) and per address (over an hour). An account past its budget has SMS reset
/// suspended: no code is sent to it and no entry verifies, until an administrator or the user's next sign-in lifts
/// it. Every count is taken after the wrong code is recorded, so parallel guesses cannot all slip under a budget.
/// </summary>
public sealed class WrongResetCodeBudget(IdpDbContext database, AuditLog audit, IOptions<PasswordResetLimits> limits, TimeProvider time,
    ILogger<WrongResetCodeBudget> logger)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>True when this address has used up its wrong codes for the hour: its entries are not even compared.</summary>
    public async Task<bool> IsAddressOverAsync(string? clientNetwork, CancellationToken cancellationToken) =>
        clientNetwork is not null && await database.Set<PasswordResetWrongCode>()
            .CountAsync(w => w.ClientNetwork == clientNetwork && w.EnteredAt > Now.AddHours(-1),
                cancellationToken) >= limits.Value.WrongCodesPerAddressPerHour;

    /// <summary>True while SMS reset is suspended for the account.</summary>
    public async Task<bool> IsSuspendedAsync(string? userId, CancellationToken cancellationToken) =>
        userId is not null && await database.Users.AnyAsync(u => u.Id == userId && u.SmsResetSuspendedAt != null, cancellationToken);

    /// <summary>Records a wrong code; suspends SMS reset for the account once its budget is used up.</summary>
    public async Task RecordWrongAsync(PasswordResetFlow flow, string? clientNetwork, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var now = Now;
        database.Add(new PasswordResetWrongCode { Id = Guid.NewGuid(), FlowId = flow.Id, UserId = flow.UserId,
            ClientNetwork = clientNetwork, EnteredAt = now });
        await database.SaveChangesAsync(cancellationToken);
        if (flow.UserId is not { } userId)
        {
            return;
        }

        var since = now.AddDays(-1);
        var countedFrom = await database.Users.Where(u => u.Id == userId).Select(u
            => u.SmsResetWrongCodesCountedFrom).SingleOrDefaultAsync(cancellationToken);
        var from = countedFrom > since ? countedFrom.Value : since;
        var wrong = await database.Set<PasswordResetWrongCode>().CountAsync(w => w.UserId == userId && w.EnteredAt > from,
            cancellationToken);
        if (wrong < limits.Value.WrongCodesPerAccountPerDay)
        {
            return;
        }

        // Once: of several requests past the budget together, one suspends and audits.
        if (await database.Users.Where(u => u.Id == userId && u.SmsResetSuspendedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SmsResetSuspendedAt, now), cancellationToken) == 1)
        {
            logger.ResetSuspended(userId, wrong);
            await audit.WriteAsync(AuditEventTypes.PasswordResetSuspended, AuditActors.System, userId, ipAddress,
                $"{wrong} wrong reset codes within 24 hours (limit {limits.Value.WrongCodesPerAccountPerDay}).", cancellationToken);
        }
    }

    /// <summary>Lifts a suspension (an administrator, or the user's successful sign-in); the wrong codes before it stop counting.</summary>
    public async Task<bool> LiftAsync(string userId, string actor, string? ipAddress, CancellationToken cancellationToken)
    {
        var now = Now;
        if (await database.Users.Where(u => u.Id == userId && u.SmsResetSuspendedAt != null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SmsResetSuspendedAt,
                    (DateTime?)null).SetProperty(u => u.SmsResetWrongCodesCountedFrom, now),
                    cancellationToken) == 0)
        {
            return false;
        }

        await audit.WriteAsync(AuditEventTypes.PasswordResetSuspensionLifted, actor, userId, ipAddress, null, cancellationToken);
        logger.ResetSuspensionLifted(userId, actor);
        return true;
    }
}
