using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Users.ForeignPasswords;
using System.Net.Mail;

namespace IdpSmsReset.Core.Users.Import;

/// <summary>
/// The rules an imported user meets before anything is written: the rules of a user the dashboard or the bootstrap
/// creates (name characters, e-mail, phone number, attributes, required actions, the policy by name), and those of a
/// hash (one this server verifies, not weak unless the import allows it). Checks the text only: uniqueness is the
/// import's, against the database, a batch at a time.
/// </summary>
public static class ImportedUserRules
{
    public static ImportedUserCheck Check(ImportedUser user, UserImportOptions options, string? allowedNameCharacters,
        IReadOnlyDictionary<string, Guid> policies)
    {
        string? phone = null;
        Guid? policyId = null;
        var weak = false;
        if (string.IsNullOrWhiteSpace(user.UserName))
        {
            return new ImportedUserCheck("userName is required.");
        }

        if (allowedNameCharacters is { Length: > 0 } && user.UserName.FirstOrDefault(c => !allowedNameCharacters.Contains(c)) is
            var bad and not '\0')
        {
            return new ImportedUserCheck($"userName '{user.UserName}' holds '{bad}', which user names may not.");
        }

        if (!string.IsNullOrEmpty(user.Password) && !string.IsNullOrEmpty(user.PasswordHash))
        {
            return new ImportedUserCheck("give a password or a passwordHash, not both.");
        }

        if (user.PasswordHash is { Length: > 0 } hash
            && ForeignPasswordHash.ProblemForNewUser(hash, options.AllowWeakHashes, out weak) is { } hashProblem)
        {
            return new ImportedUserCheck("passwordHash " + hashProblem + (weak
                ? " allowWeakHashes imports it, and the user must choose a new password at the first sign-in." : ""));
        }

        if (SignIn.RequiredActions.Unknown(user.RequiredActions) is [var unknown, ..])
        {
            return new ImportedUserCheck($"requiredActions: '{unknown}' is not one of {string.Join(", ", SignIn.RequiredActions.All)}.");
        }

        if (user.Email is not null && !MailAddress.TryCreate(user.Email, out _))
        {
            return new ImportedUserCheck($"email '{user.Email}' is not an e-mail address.");
        }

        if (TextRules.HasControlCharacters(user.DisplayName))
        {
            return new ImportedUserCheck("displayName: the text " + TextRules.ControlCharacters);
        }

        if (!string.IsNullOrWhiteSpace(user.PhoneNumber))
        {
            if (!PhoneNumberRules.TryNormalize(user.PhoneNumber, out var e164, out _, out var phoneProblem))
            {
                return new ImportedUserCheck($"phoneNumber: {phoneProblem!.English}");
            }

            phone = e164;
        }

        if (user.Policy is { Length: > 0 } policy)
        {
            if (!policies.TryGetValue(policy, out var found))
            {
                return new ImportedUserCheck($"policy: there is no policy named '{policy}'.");
            }

            policyId = found;
        }

        var totpSecret = user.TotpSecret?.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        if (totpSecret is not null && (totpSecret.Length < 16 || !totpSecret.All(c => c is >= 'A' and <= 'Z' or >= '2' and <= '7')))
        {
            return new ImportedUserCheck("totpSecret must be the authenticator's secret in Base32 (A-Z, 2-7), at least 16 characters.");
        }

        foreach (var (name, value) in user.Attributes)
        {
            if (UserAttribute.ProblemOf(name, value) is { } problem)
            {
                return new ImportedUserCheck($"attributes.{name}: {problem}");
            }
        }

        return user.Roles.Any(string.IsNullOrWhiteSpace) ? new ImportedUserCheck("roles must not hold an empty name.")
            : new ImportedUserCheck(null, phone, policyId, weak, totpSecret);
    }
}

/// <summary>
/// What the rules made of an imported user: why it is refused, or its phone number in E.164, its policy, whether its hash
/// is weak, and its authenticator secret as stored (Base32, upper case, no spaces or padding).
/// </summary>
public sealed record ImportedUserCheck(string? Problem, string? Phone = null, Guid? PolicyId = null, bool WeakHash = false,
    string? TotpSecret = null);
