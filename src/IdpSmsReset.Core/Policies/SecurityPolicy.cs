namespace IdpSmsReset.Core.Policies;

/// <summary>
/// What a group of users is held to: password rules, lockout, MFA, and whether they may reset the password by SMS.
/// Every user has one (their own, or the default). Each default is documented once, here.
/// </summary>
public sealed class SecurityPolicy
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The policy of every user who has none of their own; exactly one policy is the default.</summary>
    public bool IsDefault { get; set; }

    public PasswordRules Password { get; set; } = new();

    public LockoutRules Lockout { get; set; } = new();

    public MfaRules Mfa { get; set; } = new();

    public PasswordResetRules PasswordReset { get; set; } = new();
}

public sealed class PasswordRules
{
    /// <summary>Default 12 (NIST 800-63B asks for at least 8; 12 resists guessing far better). Allowed 8–64.</summary>
    public int MinLength { get; set; } = 12;

    /// <summary>Default 128; at least 64 so that passphrases and password managers fit.</summary>
    public int MaxLength { get; set; } = 128;

    /// <summary>Refuse passwords from the common-password list. Default on.</summary>
    public bool BlockCommonPasswords { get; set; } = true;

    /// <summary>How many previous passwords may not be reused. Default 3; 0 turns history off. Allowed 0–24.</summary>
    public int HistoryCount { get; set; } = 3;
}

public sealed class LockoutRules
{
    /// <summary>Failed attempts before the account locks. Default 5. Allowed 1–100.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lock lasts. Default 5 minutes. Allowed 1–1440.</summary>
    public int LockoutMinutes { get; set; } = 5;
}

public sealed class MfaRules
{
    /// <summary>SMS codes as a second factor. Default off.</summary>
    public bool SmsEnabled { get; set; }

    /// <summary>Authenticator app (TOTP) codes as a second factor. Default on.</summary>
    public bool TotpEnabled { get; set; } = true;

    /// <summary>Default <see cref="MfaRequirement.Never"/>.</summary>
    public MfaRequirement Require { get; set; } = MfaRequirement.Never;
}

public enum MfaRequirement
{
    Never,
    Always,
}

/// <summary>Self-service password reset ("Forgot password?").</summary>
public sealed class PasswordResetRules
{
    /// <summary>Reset by SMS code. Default off; only valid while <see cref="MfaRules.SmsEnabled"/> is on in the same policy.</summary>
    public bool SmsEnabled { get; set; }

    /// <summary>Digits in a code. Default 6. Allowed 6–8.</summary>
    public int CodeLength { get; set; } = 6;

    /// <summary>How long a code is valid. Default 10 minutes. Allowed 1 minute to 24 hours.</summary>
    public int CodeLifetimeMinutes { get; set; } = 10;

    /// <summary>Wrong entries of one code before the reset locks. Default 5. Allowed 1–10.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before another code may be sent. Default 60 s. Allowed 0–3600.</summary>
    public int ResendCooldownSeconds { get; set; } = 60;

    /// <summary>Codes sent to one user within an hour. Default 5. Allowed 1–100.</summary>
    public int MaxSendsPerHour { get; set; } = 5;
}
