namespace IdpSmsReset.Core.Events;

/// <summary>How events reach webhook receivers (<c>Idp:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Idp:Webhooks";

    /// <summary>
    /// Whether a receiver may be on this machine or a private, loopback or link-local network. Default: only in
    /// Development (a URL pointing inside would make the server a probe of what stands behind it). Checked against the
    /// address connected to, so a name that resolves inside is refused too.
    /// </summary>
    public bool? AllowPrivateNetworks { get; set; }

    /// <summary>How long one attempt may take. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The waits before the second, third... attempt; after the last the delivery has failed. Default the
    /// back-channel logout's: 5 s, 30 s, 2 min, 10 min, 1 h.</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [];

    /// <summary>A subscription whose receiver has failed every attempt for this long is turned off. Default 24 h.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Workers of the webhook queue on each instance, apart from SMS and the rest. Default 4.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How long past its time a pending delivery waits before the sweeper gives it a job again. Default 1 min.</summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<TimeSpan> Delays => RetryDelays.Count > 0 ? RetryDelays : Net.DeliveryRetries.Default;

    public IEnumerable<string> Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(1))
        {
            yield return $"Idp:Webhooks:Timeout must be between 00:00:00.001 and 00:01:00; it is {Timeout}.";
        }

        if (RetryDelays.Any(delay => delay < TimeSpan.Zero) || RetryDelays.Count > 20)
        {
            yield return "Idp:Webhooks:RetryDelays must be at most 20 waits, none negative.";
        }

        if (DisableAfter < TimeSpan.FromMinutes(1))
        {
            yield return $"Idp:Webhooks:DisableAfter must be at least 00:01:00; it is {DisableAfter}.";
        }

        if (Workers is < 1 or > 50)
        {
            yield return $"Idp:Webhooks:Workers must be between 1 and 50; it is {Workers}.";
        }

        if (RecoverAfter < TimeSpan.FromSeconds(1))
        {
            yield return $"Idp:Webhooks:RecoverAfter must be at least 00:00:01; it is {RecoverAfter}.";
        }
    }
}
