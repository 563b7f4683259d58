using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.Core.Administration;

/// <summary>A policy as the audit log records it: every setting, by value.</summary>
public sealed record PolicySnapshot(string Name, bool IsDefault, PasswordRules Password, LockoutRules Lockout, MfaRules Mfa,
    PasswordResetRules PasswordReset)
{
    public static PolicySnapshot Of(SecurityPolicy policy) => new(
        policy.Name,
        policy.IsDefault,
        new PasswordRules
        {
            MinLength = policy.Password.MinLength, MaxLength = policy.Password.MaxLength,
            BlockCommonPasswords = policy.Password.BlockCommonPasswords, HistoryCount = policy.Password.HistoryCount,
        },
        new LockoutRules { MaxFailedAttempts = policy.Lockout.MaxFailedAttempts, LockoutMinutes = policy.Lockout.LockoutMinutes },
        new MfaRules
        {
            SmsEnabled = policy.Mfa.SmsEnabled, TotpEnabled = policy.Mfa.TotpEnabled, PasskeyEnabled = policy.Mfa.PasskeyEnabled,
            Passwordless = policy.Mfa.Passwordless, Require = policy.Mfa.Require,
        },
        new PasswordResetRules
        {
            SmsEnabled = policy.PasswordReset.SmsEnabled, CodeLength = policy.PasswordReset.CodeLength,
            CodeLifetimeMinutes = policy.PasswordReset.CodeLifetimeMinutes, MaxAttempts = policy.PasswordReset.MaxAttempts,
            ResendCooldownSeconds = policy.PasswordReset.ResendCooldownSeconds, MaxSendsPerHour = policy.PasswordReset.MaxSendsPerHour,
        });
}
