using IdpSmsReset.Core.Limits;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The <c>Idp:PasswordReset:Limits</c> section: limits that hold across users, against SMS pumping and enumeration. Each
/// default is documented here and nowhere else; the per-user limits are the policy's (passwordReset section).
/// </summary>
public sealed class PasswordResetLimits
{
    public const string SectionName = "Idp:PasswordReset:Limits";

    /// <summary>Resets started from one address (see <see cref="ClientNetworkOptions"/>) in an hour, whatever the account. Default
    /// 20. Allowed 1–10,000.</summary>
    public int PerIpAddressPerHour { get; set; } = 20;

    /// <summary>Reset codes sent to one phone number in an hour. Default 5. Allowed 1–100.</summary>
    public int PerDestinationPerHour { get; set; } = 5;

    /// <summary>Reset codes sent to one country in an hour. Default 200. Allowed 1–1,000,000.</summary>
    public int PerCountryPerHour { get; set; } = 200;

    /// <summary>
    /// Wrong reset codes for one account in 24 hours, across all its flows. Past it SMS reset is suspended for the
    /// account (no code is sent, no entry verifies) until an administrator lifts it or the user signs in. Default 10.
    /// Allowed 1–1,000.
    /// </summary>
    public int WrongCodesPerAccountPerDay { get; set; } = 10;

    /// <summary>Wrong reset codes from one address (see <see cref="ClientNetworkOptions"/>) in an hour, whatever the account. Default 50.
    /// Allowed 1–10,000.</summary>
    public int WrongCodesPerAddressPerHour { get; set; } = 50;

    /// <summary>How long a reset may take from start to new password. Default 60 minutes. Allowed 5–1440.</summary>
    public int FlowLifetimeMinutes { get; set; } = 60;

    /// <summary>How long after the code was accepted the new password may be set. Default 15 minutes. Allowed 1–60.</summary>
    public int NewPasswordWithinMinutes { get; set; } = 15;

    public Budget StartsPerAddress => new("reset-start/address", PerIpAddressPerHour, TimeSpan.FromHours(1));

    /// <summary>Its subjects are the numbers codes went to: what an account's erasure looks for.</summary>
    public const string SendsPerDestinationName = "reset-send/destination";

    public Budget SendsPerDestination => new(SendsPerDestinationName, PerDestinationPerHour, TimeSpan.FromHours(1));

    public Budget SendsPerCountry => new("reset-send/country", PerCountryPerHour, TimeSpan.FromHours(1));

    public Budget WrongCodesPerAccount => new("reset-wrong-code/account", WrongCodesPerAccountPerDay, TimeSpan.FromDays(1));

    public Budget WrongCodesPerAddress => new("reset-wrong-code/address", WrongCodesPerAddressPerHour, TimeSpan.FromHours(1));

    /// <summary>The policy's limit of codes per account (the security policy's <c>passwordReset</c> section).</summary>
    public static Budget SendsPerAccount(int allowed) => new("reset-send/account", allowed, TimeSpan.FromHours(1));

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
        Range(nameof(WrongCodesPerAccountPerDay), WrongCodesPerAccountPerDay, 1, 1_000);
        Range(nameof(WrongCodesPerAddressPerHour), WrongCodesPerAddressPerHour, 1, 10_000);
        Range(nameof(FlowLifetimeMinutes), FlowLifetimeMinutes, 5, 1440);
        Range(nameof(NewPasswordWithinMinutes), NewPasswordWithinMinutes, 1, 60);
        return problems;
    }
}
