using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// Identity's hasher, which also verifies a hash imported from another system (<see cref="ForeignPasswordHash"/>):
/// a right password answers <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>, and
/// <see cref="IdpUserManager"/> has <see cref="PasswordHashUpgrades"/> replace the foreign hash with this server's right
/// after that first successful sign-in. Every wrong password, native or foreign, is answered after the slowest kind of
/// check (<see cref="PasswordCheckCosts"/>).
/// </summary>
public sealed class ForeignAwarePasswordHasher : IPasswordHasher<ApplicationUser>
{
    private static readonly ApplicationUser Nobody = new() { UserName = "nobody" };

    private readonly PasswordHasher<ApplicationUser> _native;

    // A V3 hash begins with its version, algorithm, iteration count and salt length (12 bytes, 16 Base64 characters):
    // only checks against hashes with today's parameters teach what a native check costs.
    private readonly string _currentParameters;

    public ForeignAwarePasswordHasher(IOptions<PasswordHasherOptions> options)
    {
        _native = new PasswordHasher<ApplicationUser>(options);
        var reference = _native.HashPassword(Nobody, Guid.NewGuid().ToString());
        _currentParameters = reference[..16];
        Costs = new PasswordCheckCosts(() =>
        {
            var started = Stopwatch.GetTimestamp();
            _native.VerifyHashedPassword(Nobody, reference, "");
            return Stopwatch.GetElapsedTime(started);
        });
    }

    public PasswordCheckCosts Costs { get; }

    public string HashPassword(ApplicationUser user, string password) => _native.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        var started = Stopwatch.GetTimestamp();
        PasswordVerificationResult result;
        if (!ForeignPasswordHash.IsForeign(hashedPassword))
        {
            result = _native.VerifyHashedPassword(user, hashedPassword, providedPassword);
            if (hashedPassword.StartsWith(_currentParameters, StringComparison.Ordinal))
            {
                Costs.Observe(PasswordCheckCosts.Native, Stopwatch.GetElapsedTime(started));
            }
        }
        else if (ForeignPasswordHash.Parse(hashedPassword, out _) is { } foreign)
        {
            result = foreign.Verify(providedPassword) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
            Costs.Observe(foreign.CostClass, Stopwatch.GetElapsedTime(started));
        }
        else
        {
            result = PasswordVerificationResult.Failed;
        }

        if (result == PasswordVerificationResult.Failed)
        {
            Costs.PadFrom(started);
        }

        return result;
    }
}
