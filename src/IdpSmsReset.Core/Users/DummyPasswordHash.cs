using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// A password hash of no account, made with the same algorithm and iteration count as the real accounts' hasher, so
/// that checking a password against it takes as long as checking a real one.
/// </summary>
public sealed class DummyPasswordHash(IOptions<PasswordHasherOptions> hashing)
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody" };

    private readonly PasswordHasher<ApplicationUser> _hasher = new(hashing);

    // Made at the first unknown name, not at start-up; a race makes it twice, harmlessly.
    private string? _hash;

    public void Verify(string password) => _hasher.VerifyHashedPassword(Nobody, _hash ??= _hasher.HashPassword(Nobody,
        Guid.NewGuid().ToString()), password);
}
