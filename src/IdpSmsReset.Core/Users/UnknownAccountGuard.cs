using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// Makes a sign-in attempt for an account that does not exist look like one for an account that does: it costs one
/// password hash and the same database round trips (count, lock, re-read), and it answers "locked out" after the same
/// number of failures, for as long. The count lives in the database (<see cref="UnknownAccountFailure"/>), so every
/// instance sees the same one.
/// </summary>
public sealed class UnknownAccountGuard(IdpDbContext database, DummyPasswordHash dummy, TimeProvider time)
{
    /// <summary>As a real account under <paramref name="lockout"/> (the default policy's, as an unknown user would have).</summary>
    public async Task<(SignInResult Result, DateTimeOffset? LockedUntil)> CheckPasswordAsync(
        string login, string password, LockoutRules lockout, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(login.Trim().ToUpperInvariant())));
        var now = time.GetUtcNow().UtcDateTime;
        var failures = database.Set<UnknownAccountFailure>().Where(f => f.NameHash == key);
        if (await failures.Select(f => f.LockedUntil).FirstOrDefaultAsync(cancellationToken) is { } lockedUntil && lockedUntil > now)
        {
            return (SignInResult.LockedOut, Utc(lockedUntil));
        }

        dummy.Verify(password);
        await CountAsync(key, now, cancellationToken);

        // As for a real account: the failure that reaches the limit locks, once, and starts the count again.
        var until = now.AddMinutes(lockout.LockoutMinutes);
        var locked = await failures.Where(f => f.FailedCount >= lockout.MaxFailedAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.LockedUntil, until).SetProperty(f => f.FailedCount, 0), cancellationToken);
        var current = await failures.AsNoTracking().Select(f => f.LockedUntil).FirstOrDefaultAsync(cancellationToken);
        return locked == 1 || current > now ? (SignInResult.LockedOut, Utc(current ?? until)) : (SignInResult.Failed, null);
    }

    private async Task CountAsync(string key, DateTime now, CancellationToken cancellationToken)
    {
        var failures = database.Set<UnknownAccountFailure>().Where(f => f.NameHash == key);
        Task<int> IncrementAsync() => failures.ExecuteUpdateAsync(
            set => set.SetProperty(f => f.FailedCount, f => f.FailedCount + 1).SetProperty(f => f.LastFailedAt, now), cancellationToken);

        var first = new UnknownAccountFailure { NameHash = key, FailedCount = 1, LastFailedAt = now };
        await database.UpdateOrCreateAsync(IncrementAsync, first, cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
