using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// Identity's hasher, which also verifies a hash imported from another system (<see cref="ForeignPasswordHash"/>):
/// a right password answers <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, so Identity's user manager
/// replaces the foreign hash with this server's at that first successful sign-in.
/// </summary>
public sealed class ForeignAwarePasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _native = new(options);

    public string HashPassword(ApplicationUser user, string password) => _native.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        if (!ForeignPasswordHash.IsForeign(hashedPassword))
        {
            return _native.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }

        return ForeignPasswordHash.Parse(hashedPassword, out _) is { } foreign && foreign.Verify(providedPassword)
            ? PasswordVerificationResult.SuccessRehashNeeded
            : PasswordVerificationResult.Failed;
    }
}
