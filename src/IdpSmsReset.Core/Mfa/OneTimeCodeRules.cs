using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.Core.Mfa;

/// <summary>How a kind of SMS code behaves: its length, lifetime, attempts, and how often a new one may be sent.</summary>
public sealed record OneTimeCodeRules(int Length, TimeSpan Lifetime, int MaxAttempts, TimeSpan ResendCooldown, int MaxSendsPerHour)
{
    /// <summary>
    /// Sign-in codes and phone verification codes: 6 digits, valid 5 minutes (the user is waiting for it), 5 wrong
    /// entries per code, a new code after 30 seconds, at most 5 codes an hour.
    /// </summary>
    public static readonly OneTimeCodeRules SignIn = new(6, TimeSpan.FromMinutes(5), 5, TimeSpan.FromSeconds(30), 5);

    /// <summary>The password reset codes of a policy.</summary>
    public static OneTimeCodeRules For(PasswordResetRules reset) => new(
        reset.CodeLength,
        TimeSpan.FromMinutes(reset.CodeLifetimeMinutes),
        reset.MaxAttempts,
        TimeSpan.FromSeconds(reset.ResendCooldownSeconds),
        reset.MaxSendsPerHour);
}
