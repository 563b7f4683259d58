using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Problems;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// The dashboard's policy commands: each validates under <see cref="SecurityPolicyRules"/> (through
/// <see cref="SecurityPolicyService"/>, which the bootstrap uses too) and commits the policy with its audit row, or
/// nothing. A refused edit leaves nothing tracked behind.
/// </summary>
public sealed class PolicyAdministration(IdpDbContext database, SecurityPolicyService policies, AdminChangeLog log)
{
    /// <summary>Creates a policy (<paramref name="id"/> null) or overwrites every setting of one.</summary>
    public Task<CommandResult> SaveAsync(Guid? id, SecurityPolicy values, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var policy = id is { } existing
                ? await database.Set<SecurityPolicy>().SingleOrDefaultAsync(p => p.Id == existing, cancellationToken)
                : new SecurityPolicy { Name = "" };
            if (policy is null)
            {
                return CommandResult.Refused("id", "That policy does not exist.");
            }

            var before = id is null ? null : PolicySnapshot.Of(policy);
            policy.Name = values.Name.Trim();
            policy.IsDefault = values.IsDefault;
            (policy.Password, policy.Lockout, policy.Mfa, policy.PasswordReset) = (values.Password, values.Lockout, values.Mfa,
                values.PasswordReset);
            return await SaveAsync(policy, id is null ? AdminEventTypes.PolicyCreated : AdminEventTypes.PolicyChanged, before, who,
                cancellationToken);
        }, result => result.Succeeded, cancellationToken);

    public Task<CommandResult> MakeDefaultAsync(Guid id, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            if (await database.Set<SecurityPolicy>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } policy)
            {
                return CommandResult.Refused("id", "That policy does not exist.");
            }

            var before = PolicySnapshot.Of(policy);
            policy.IsDefault = true;
            return await SaveAsync(policy, AdminEventTypes.PolicyChanged, before, who, cancellationToken);
        }, result => result.Succeeded, cancellationToken);

    /// <summary>Refuses to delete the default policy or one that users still belong to, saying which.</summary>
    public Task<CommandResult> DeleteAsync(Guid id, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var policy = await database.Set<SecurityPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (await policies.DeleteAsync(id, cancellationToken) is { } problem)
            {
                return CommandResult.Refused("id", problem);
            }

            await log.WriteAsync(who, AdminEventTypes.PolicyDeleted, null, PolicySnapshot.Of(policy!), null, cancellationToken);
            return CommandResult.Done(id.ToString());
        }, result => result.Succeeded, cancellationToken);

    private async Task<CommandResult> SaveAsync(
        SecurityPolicy policy, string eventType, PolicySnapshot? before, Administrator who, CancellationToken cancellationToken)
    {
        var problems = await policies.SaveAsync(policy, cancellationToken);
        if (problems.Count > 0)
        {
            return CommandResult.Refused(problems.Select(p => new FieldProblem(p.Field, p.Problem)).ToList());
        }

        await log.WriteAsync(who, eventType, null, before, PolicySnapshot.Of(policy), cancellationToken);
        return CommandResult.Done(policy.Id.ToString());
    }
}

/// <summary>A policy as the audit log records it: every setting, by value.</summary>
public sealed record PolicySnapshot(string Name, bool IsDefault, PasswordRules Password, LockoutRules Lockout, MfaRules Mfa,
    PasswordResetRules PasswordReset)
{
    public static PolicySnapshot Of(SecurityPolicy policy) => new(
        policy.Name,
        policy.IsDefault,
        new PasswordRules
        {
            MinLength = policy.Password.MinLength, MaxLength = policy.Password.MaxLength,
            BlockCommonPasswords = policy.Password.BlockCommonPasswords, HistoryCount = policy.Password.HistoryCount,
        },
        new LockoutRules { MaxFailedAttempts = policy.Lockout.MaxFailedAttempts, LockoutMinutes = policy.Lockout.LockoutMinutes },
        new MfaRules
        {
            SmsEnabled = policy.Mfa.SmsEnabled, TotpEnabled = policy.Mfa.TotpEnabled, PasskeyEnabled = policy.Mfa.PasskeyEnabled,
            Passwordless = policy.Mfa.Passwordless, Require = policy.Mfa.Require,
        },
        new PasswordResetRules
        {
            SmsEnabled = policy.PasswordReset.SmsEnabled, CodeLength = policy.PasswordReset.CodeLength,
            CodeLifetimeMinutes = policy.PasswordReset.CodeLifetimeMinutes, MaxAttempts = policy.PasswordReset.MaxAttempts,
            ResendCooldownSeconds = policy.PasswordReset.ResendCooldownSeconds, MaxSendsPerHour = policy.PasswordReset.MaxSendsPerHour,
        });
}
