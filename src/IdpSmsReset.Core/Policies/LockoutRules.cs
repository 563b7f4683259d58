namespace IdpSmsReset.Core.Policies;

public sealed class LockoutRules
{
    /// <summary>Failed attempts before the account locks. Default 5. Allowed 1–100.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a lock lasts. Default 5 minutes. Allowed 1–1440.</summary>
    public int LockoutMinutes { get; set; } = 5;
}
