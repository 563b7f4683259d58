namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The <c>PasswordReset:Limits</c> section: limits that hold across users, against SMS pumping and enumeration. Each
/// default is documented here and nowhere else; the per-user limits are the policy's (passwordReset section).
/// </summary>
public sealed class PasswordResetLimits
{
    public const string SectionName = "PasswordReset:Limits";

    /// <summary>Resets started from one IP address in an hour, whatever the account. Default 20. Allowed 1–10,000.</summary>
    public int PerIpAddressPerHour { get; set; } = 20;

    /// <summary>Reset codes sent to one phone number in an hour. Default 5. Allowed 1–100.</summary>
    public int PerDestinationPerHour { get; set; } = 5;

    /// <summary>Reset codes sent to one country in an hour. Default 200. Allowed 1–1,000,000.</summary>
    public int PerCountryPerHour { get; set; } = 200;

    /// <summary>How long a reset may take from start to new password. Default 60 minutes. Allowed 5–1440.</summary>
    public int FlowLifetimeMinutes { get; set; } = 60;

    /// <summary>How long after the code was accepted the new password may be set. Default 15 minutes. Allowed 1–60.</summary>
    public int NewPasswordWithinMinutes { get; set; } = 15;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                problems.Add($"{SectionName}:{name} must be between {min} and {max}; it is {value}.");
            }
        }

        Range(nameof(PerIpAddressPerHour), PerIpAddressPerHour, 1, 10_000);
        Range(nameof(PerDestinationPerHour), PerDestinationPerHour, 1, 100);
        Range(nameof(PerCountryPerHour), PerCountryPerHour, 1, 1_000_000);
        Range(nameof(FlowLifetimeMinutes), FlowLifetimeMinutes, 5, 1440);
        Range(nameof(NewPasswordWithinMinutes), NewPasswordWithinMinutes, 1, 60);
        return problems;
    }
}
