namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The <c>Idp:Sms:Breaker</c> section: when an account's circuit breaker opens. It opens when, within
/// <see cref="SamplingDuration"/>, at least <see cref="MinimumSends"/> sends went through the account and at least
/// <see cref="FailureRatio"/> of them failed for a reason of the provider's (5xx, throttling, a timeout, the account
/// refused); then the other account sends for <see cref="BreakDuration"/>, after which one message probes the account.
/// A refusal of the number (invalid, unsubscribed, region) is the number's, and counts for nothing.
/// </summary>
public sealed class SmsBreakerOptions
{
    public const string SectionName = "Idp:Sms:Breaker";

    /// <summary>Default 5. Allowed 2–1,000.</summary>
    public int MinimumSends { get; set; } = 5;

    /// <summary>Default 0.5 (half). Allowed 0.1–1.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Default 1 minute. Allowed 5 seconds – 1 hour.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Default 30 seconds. Allowed 1 second – 1 hour.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinimumSends is < 2 or > 1_000)
        {
            problems.Add($"{SectionName}:{nameof(MinimumSends)} must be between 2 and 1000; it is {MinimumSends}.");
        }

        if (FailureRatio is < 0.1 or > 1)
        {
            problems.Add($"{SectionName}:{nameof(FailureRatio)} must be between 0.1 and 1; it is {FailureRatio}.");
        }

        if (SamplingDuration < TimeSpan.FromSeconds(5) || SamplingDuration > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:{nameof(SamplingDuration)} must be between 00:00:05 and 01:00:00; it is {SamplingDuration}.");
        }

        if (BreakDuration < TimeSpan.FromSeconds(1) || BreakDuration > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:{nameof(BreakDuration)} must be between 00:00:01 and 01:00:00; it is {BreakDuration}.");
        }

        return problems;
    }
}
