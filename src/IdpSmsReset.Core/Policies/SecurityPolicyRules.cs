using IdpSmsReset.Core.Problems;
namespace IdpSmsReset.Core.Policies;

/// <summary>
/// The rules a policy must satisfy, the same for the bootstrap file, the dashboard and any API. Each problem names
/// the field (camelCase, as in the bootstrap file) and says what to change.
/// </summary>
public static class SecurityPolicyRules
{
    public const string SmsResetNeedsSmsFactor =
        "SMS password reset can only be switched on when the SMS factor is enabled in this policy's MFA section (mfa.factors must" +
            " include \"sms\").";

    public static IReadOnlyList<FieldProblem> Validate(SecurityPolicy policy)
    {
        var problems = new List<FieldProblem>();
        void Range(string field, int value, int min, int max, string unit = "")
        {
            if (value < min || value > max)
            {
                problems.Add(new(field, $"must be between {min} and {max}{unit}; it is {value}."));
            }
        }

        if (string.IsNullOrWhiteSpace(policy.Name))
        {
            problems.Add(new("name", "is required."));
        }
        else if (policy.Name.Length > 128)
        {
            problems.Add(new("name", "must be at most 128 characters."));
        }
        else if (TextRules.HasControlCharacters(policy.Name))
        {
            problems.Add(new("name", TextRules.ControlCharacters));
        }

        Range("password.minLength", policy.Password.MinLength, 8, 64);
        if (policy.Password.MaxLength < 64 || policy.Password.MaxLength > 4096)
        {
            problems.Add(new("password.maxLength",
                $"must be between 64 and 4096, so that passphrases fit; it is {policy.Password.MaxLength}."));
        }

        Range("password.historyCount", policy.Password.HistoryCount, 0, 24);
        Range("lockout.maxFailedAttempts", policy.Lockout.MaxFailedAttempts, 1, 100);
        Range("lockout.lockoutMinutes", policy.Lockout.LockoutMinutes, 1, 1440, " minutes");

        if (policy.Mfa.Require == MfaRequirement.Always && !policy.Mfa.SmsEnabled && !policy.Mfa.TotpEnabled && !policy.Mfa.PasskeyEnabled)
        {
            problems.Add(new("mfa.require", "MFA cannot be required while no factor is enabled in mfa.factors."));
        }

        else if (policy.Mfa.Require == MfaRequirement.Always && !policy.Mfa.SmsEnabled && !policy.Mfa.TotpEnabled)
        {
            // A passkey is added on the account page, which needs a finished sign-in: a user without one could never enrol.
            problems.Add(new("mfa.require", "needs the SMS or authenticator app factor too: a passkey is added after signing in,"
                + " so a user without one must be able to enrol another factor at sign-in."));
        }

        if (policy.Mfa.Passwordless && !policy.Mfa.PasskeyEnabled)
        {
            problems.Add(new("mfa.passwordless", "needs the passkey factor: passwordless sign-in is with a passkey."));
        }

        var reset = policy.PasswordReset;
        if (reset.SmsEnabled && !policy.Mfa.SmsEnabled)
        {
            problems.Add(new("passwordReset.sms", SmsResetNeedsSmsFactor));
        }

        Range("passwordReset.codeLength", reset.CodeLength, PasswordResetRules.MinCodeLength, PasswordResetRules.MaxCodeLength,
            " digits");
        Range("passwordReset.codeLifetimeMinutes", reset.CodeLifetimeMinutes, 1, 1440, " minutes (24 hours)");
        Range("passwordReset.maxAttempts", reset.MaxAttempts, 1, 10);
        Range("passwordReset.resendCooldownSeconds", reset.ResendCooldownSeconds, 0, 3600, " seconds");
        Range("passwordReset.maxSendsPerHour", reset.MaxSendsPerHour, 1, 100);
        return problems;
    }
}
