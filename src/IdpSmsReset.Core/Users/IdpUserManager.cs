using System.Linq.Expressions;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// Identity's user manager with failed sign-ins counted by the database, against the lockout of the user's policy. Identity increments the
/// count in memory
/// and saves it under the concurrency stamp, so wrong passwords sent in parallel overwrite each other and the
/// lockout is never reached; an atomic increment counts every one of them.
/// </summary>
public sealed class IdpUserManager(
    IdpDbContext database,
    SecurityPolicyService policies,
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    TimeProvider time,
    ForeignPasswords.PasswordHashUpgrades hashUpgrades)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors,
        services, logger)
{
    /// <summary>
    /// Keeps the hash being replaced, for the policy's password history. Every path that sets a password (change,
    /// reset, add) ends here, with the new hash set and the old one still EF's original value.
    /// </summary>
    protected override Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        var entry = database.Entry(user);
        if (entry.State == EntityState.Modified && entry.Property(u => u.PasswordHash).OriginalValue is { } previous
            && previous != user.PasswordHash)
        {
            database.Add(new PasswordHistoryEntry { UserId = user.Id, PasswordHash = previous, CreatedAt = time.GetUtcNow().UtcDateTime });
        }

        return base.UpdateUserAsync(user);
    }

    /// <summary>
    /// A right password against a hash this server would not make today (imported, or Identity's V2) is a success now;
    /// the new hash is made after the request (<see cref="ForeignPasswords.PasswordHashUpgrades"/>), so the first sign-in
    /// of a migrated user costs one hash, not two.
    /// </summary>
    protected override async Task<PasswordVerificationResult> VerifyPasswordAsync(IUserPasswordStore<ApplicationUser> store,
        ApplicationUser user, string password)
    {
        var result = await base.VerifyPasswordAsync(store, user, password);
        if (result != PasswordVerificationResult.SuccessRehashNeeded)
        {
            return result;
        }

        hashUpgrades.Offer(user, password);
        return PasswordVerificationResult.Success;
    }

    public override async Task<IdentityResult> AccessFailedAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        await CountFailureAsync(user, candidate => candidate.AccessFailedCount);
        return IdentityResult.Success;
    }

    /// <summary>
    /// A wrong second-factor code: counted like a wrong password, against the same policy limit, but on its own
    /// counter, so that a user who knows the password cannot learn from the count whether a guess hit.
    /// </summary>
    public Task SecondFactorFailedAsync(ApplicationUser user) => CountFailureAsync(user, candidate => candidate.SecondFactorFailedCount);

    /// <summary>Adds one to <paramref name="counter"/> in the database, and locks the account when it reaches the policy's limit.</summary>
    private async Task CountFailureAsync(ApplicationUser user, Expression<Func<ApplicationUser, int>> counter)
    {
        var users = database.Users.Where(candidate => candidate.Id == user.Id);
        var incremented = Expression.Lambda<Func<ApplicationUser, int>>(Expression.Add(counter.Body, Expression.Constant(1)),
            counter.Parameters);
        await users.ExecuteUpdateAsync(set => set.SetProperty(counter, incremented));

        // The user's policy sets the limit and the duration. Only the request whose increment reached the limit finds
        // the count there, so the lockout is set once.
        var lockout = (await policies.ForUserAsync(user, CancellationToken.None)).Lockout;
        var reached = Expression.Lambda<Func<ApplicationUser, bool>>(
            Expression.GreaterThanOrEqual(counter.Body, Expression.Constant(lockout.MaxFailedAttempts)), counter.Parameters);
        await users.Where(candidate => candidate.LockoutEnabled).Where(reached)
            .ExecuteUpdateAsync(set => set
                .SetProperty(candidate => candidate.LockoutEnd, LockedUntil(lockout))
                .SetProperty(counter, 0));

        // The caller checks IsLockedOutAsync on this instance next: it must see what the database now holds.
        await database.Entry(user).ReloadAsync();
    }

    /// <summary>
    /// The password rules (the user's policy, Identity's options) applied to <paramref name="password"/> for
    /// <paramref name="user"/>, as creating the user with it would apply them: for a door that hashes the password itself.
    /// </summary>
    public Task<IdentityResult> CheckPasswordRulesAsync(ApplicationUser user, string password) => ValidatePasswordAsync(user, password);

    public Task ResetSecondFactorFailuresAsync(ApplicationUser user) =>
        database.Users.Where(candidate => candidate.Id == user.Id && candidate.SecondFactorFailedCount != 0)
            .ExecuteUpdateAsync(set => set.SetProperty(candidate => candidate.SecondFactorFailedCount, 0));

    /// <summary>
    /// Sets a new password without the old one (a reset, a temporary password, one chosen at sign-in): Identity's own
    /// reset, so the policy's rules and history apply and the security stamp changes.
    /// </summary>
    public async Task<IdentityResult> ReplacePasswordAsync(ApplicationUser user, string newPassword) =>
        await ResetPasswordAsync(user, await GeneratePasswordResetTokenAsync(user), newPassword);

    private DateTimeOffset LockedUntil(LockoutRules lockout) => time.GetUtcNow() + TimeSpan.FromMinutes(lockout.LockoutMinutes);
}
