using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account.Login;

/// <summary>
/// Makes a sign-in attempt for an account that does not exist look like one for an account that does: it costs
/// one password hash, and it answers "locked out" after the same number of failures, for as long.
/// </summary>
public sealed class UnknownAccountGuard(IOptions<PasswordHasherOptions> hashing, TimeProvider time) : IDisposable
{
    // The same algorithm and iteration count as the real accounts' hasher, so that the time spent is the same.
    private readonly PasswordHasher<ApplicationUser> _hasher = new(hashing);

    private static readonly ApplicationUser Nobody = new() { UserName = "nobody" };

    // Bounded so that spraying made-up names cannot exhaust memory.
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private string? _dummyHash;

    /// <summary>As a real account under <paramref name="lockout"/> (the default policy's, as an unknown user would have).</summary>
    public (SignInResult Result, DateTimeOffset? LockedUntil) CheckPassword(string login, string password, LockoutRules lockout)
    {
        var key = login.Trim().ToUpperInvariant();
        var duration = TimeSpan.FromMinutes(lockout.LockoutMinutes);
        var state = _failures.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpiration = time.GetUtcNow() + duration;
            entry.Size = 1;
            return new FailureCount();
        })!;

        if (Volatile.Read(ref state.Count) >= lockout.MaxFailedAttempts)
        {
            return (SignInResult.LockedOut, state.LockedUntil);
        }

        _dummyHash ??= _hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        _hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
        if (Interlocked.Increment(ref state.Count) < lockout.MaxFailedAttempts)
        {
            return (SignInResult.Failed, null);
        }

        // Identity reports the failure that locks an account as "locked out" and starts the lockout there.
        state.LockedUntil = time.GetUtcNow() + duration;
        _failures.Set(key, state, new MemoryCacheEntryOptions { AbsoluteExpiration = state.LockedUntil, Size = 1 });
        return (SignInResult.LockedOut, state.LockedUntil);
    }

    public void Dispose() => _failures.Dispose();

    private sealed class FailureCount
    {
        public int Count;

        public DateTimeOffset? LockedUntil;
    }
}
