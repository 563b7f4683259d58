namespace IdpSmsReset.Core.Policies;

/// <summary>Self-service password reset ("Forgot password?").</summary>
public sealed class PasswordResetRules
{
    /// <summary>Reset by SMS code. Default off; only valid while <see cref="MfaRules.SmsEnabled"/> is on in the same policy.</summary>
    public bool SmsEnabled { get; set; }

    public const int MinCodeLength = 6;

    public const int MaxCodeLength = 8;

    /// <summary>Digits in a code. Default 6. Allowed <see cref="MinCodeLength"/>–<see cref="MaxCodeLength"/>.</summary>
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
