namespace IdpSmsReset.Core.Policies;

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
