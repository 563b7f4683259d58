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
