using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Bounds guessing across flows: the per-code attempts start again with every new code, so each wrong code is also
/// charged to the account's budget (a day) and the address's (an hour). An account past its budget has SMS reset
/// suspended: no code is sent to it and no entry verifies, until an administrator or the user's next sign-in lifts it.
/// The account's count is taken after the wrong code is charged, so parallel guesses cannot all slip under it.
/// </summary>
public sealed class ResetSuspensions(IdpDbContext database, Budgets budgets, AuditLog audit, IOptions<PasswordResetLimits> limits,
    TimeProvider time, ILogger<ResetSuspensions> logger)
{
    /// <summary>True while SMS reset is suspended for the account.</summary>
    public async Task<bool> IsSuspendedAsync(string? userId, CancellationToken cancellationToken) =>
        userId is not null && await database.Users.AnyAsync(u => u.Id == userId && u.SmsResetSuspendedAt != null, cancellationToken);

    /// <summary>Charges a wrong code to the address and the account; suspends SMS reset once the account's budget is spent.</summary>
    public async Task ChargeWrongCodeAsync(string? userId, string? clientNetwork, string? ipAddress, CancellationToken cancellationToken)
    {
        var perAccount = limits.Value.WrongCodesPerAccount;
        var charges = new List<Charge>(2);
        if (clientNetwork is not null)
        {
            charges.Add(new Charge(limits.Value.WrongCodesPerAddress, clientNetwork));
        }

        if (userId is not null)
        {
            charges.Add(new Charge(perAccount, userId));
        }

        await budgets.ChargeAsync(charges, userId, cancellationToken);
        if (userId is null)
        {
            return;
        }

        var countedFrom = await database.Users.Where(u => u.Id == userId).Select(u => u.SmsResetWrongCodesCountedFrom)
            .SingleOrDefaultAsync(cancellationToken);
        var wrong = await budgets.SpentAsync(perAccount, userId, countedFrom, cancellationToken);
        if (wrong < perAccount.Allowed)
        {
            return;
        }

        // Once: of several requests past the budget together, one suspends and audits.
        var now = time.GetUtcNow().UtcDateTime;
        if (await database.Users.Where(u => u.Id == userId && u.SmsResetSuspendedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SmsResetSuspendedAt, now), cancellationToken) == 1)
        {
            logger.ResetSuspended(userId, wrong);
            await audit.RaiseAsync(AuditEventTypes.PasswordResetSuspended, AuditActors.System, userId, ipAddress,
                $"{wrong} wrong reset codes within 24 hours (limit {perAccount.Allowed}).", cancellationToken);
        }
    }

    /// <summary>Lifts a suspension (an administrator, or the user's successful sign-in); the wrong codes before it stop counting.</summary>
    public async Task<bool> LiftAsync(string userId, string actor, string? ipAddress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await database.Users.Where(u => u.Id == userId && u.SmsResetSuspendedAt != null)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SmsResetSuspendedAt,
                    (DateTime?)null).SetProperty(u => u.SmsResetWrongCodesCountedFrom, now),
                    cancellationToken) == 0)
        {
            return false;
        }

        await audit.RaiseAsync(AuditEventTypes.PasswordResetSuspensionLifted, actor, userId, ipAddress, null, cancellationToken);
        logger.ResetSuspensionLifted(userId, actor);
        return true;
    }
}
