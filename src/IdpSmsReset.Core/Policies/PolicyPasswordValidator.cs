using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Policies;

/// <summary>
/// The password rules of the user's policy, applied wherever Identity sets a password: length, the common-password
/// blocklist, and history. No composition rules (NIST 800-63B). Each message says what to change.
/// </summary>
public sealed class PolicyPasswordValidator(SecurityPolicyService policies, IdpDbContext database,
    IPasswordRuleTexts texts) : IPasswordValidator<ApplicationUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        password ??= "";
        var rules = (await policies.ForUserAsync(user, CancellationToken.None)).Password;
        var errors = new List<IdentityError>();

        if (password.Length < rules.MinLength)
        {
            errors.Add(Error("PasswordTooShort", texts.TooShort(rules.MinLength)));
        }
        else if (password.Length > rules.MaxLength)
        {
            errors.Add(Error("PasswordTooLong", texts.TooLong(rules.MaxLength)));
        }

        if (rules.BlockCommonPasswords && CommonPasswords.Contains(password))
        {
            errors.Add(Error("PasswordTooCommon", texts.TooCommon()));
        }

        if (errors.Count == 0 && rules.HistoryCount > 0 && await WasUsedRecentlyAsync(manager, user, password, rules.HistoryCount))
        {
            errors.Add(Error("PasswordReused", texts.Reused(rules.HistoryCount)));
        }

        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    private async Task<bool> WasUsedRecentlyAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string password, int count)
    {
        var hashes = new List<string>();
        if (user.PasswordHash is { } current)
        {
            hashes.Add(current);
        }

        hashes.AddRange(await database.Set<PasswordHistoryEntry>()
            .Where(entry => entry.UserId == user.Id)
            .OrderByDescending(entry => entry.Id)
            .Take(Math.Max(count - 1, 0))
            .Select(entry => entry.PasswordHash)
            .ToListAsync());

        return hashes.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed);
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
