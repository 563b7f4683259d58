using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// A password hash of no account, checked with the real accounts' hasher, so that a name no account has takes as long
/// as a real one (its wrong passwords held back to the same floor: see <see cref="ForeignPasswords.PasswordCheckCosts"/>).
/// </summary>
public sealed class DummyPasswordHash(IPasswordHasher<ApplicationUser> hasher)
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody" };

    // Made at the first unknown name, not at start-up; a race makes it twice, harmlessly.
    private string? _hash;

    public void Verify(string password) => hasher.VerifyHashedPassword(Nobody, _hash ??= hasher.HashPassword(Nobody,
        Guid.NewGuid().ToString()), password);
}
