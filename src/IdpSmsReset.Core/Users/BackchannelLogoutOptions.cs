namespace IdpSmsReset.Core.Users;

/// <summary>How Logout Tokens are delivered (<c>Idp:BackchannelLogout</c>).</summary>
public sealed class BackchannelLogoutOptions
{
    public const string SectionName = "Idp:BackchannelLogout";

    /// <summary>The waits before the second, third... attempt; after the last the delivery is given up. Default 5 s, 30 s, 2 min, 10 min, 1
    /// h.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>How long one attempt may take. Default 10 s: a dead application must not hold a worker.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<TimeSpan> Delays => RetryDelays.Count > 0 ? RetryDelays : Net.DeliveryRetries.Default;

    public IEnumerable<string> Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(1))
        {
            yield return $"Idp:BackchannelLogout:Timeout must be between 00:00:00.001 and 00:01:00; it is {Timeout}.";
        }

        if (RetryDelays.Any(delay => delay < TimeSpan.Zero) || RetryDelays.Count > 20)
        {
            yield return "Idp:BackchannelLogout:RetryDelays must be at most 20 waits, none negative.";
        }
    }
}
