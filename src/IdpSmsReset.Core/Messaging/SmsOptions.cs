namespace IdpSmsReset.Core.Messaging;

/// <summary>How the outbox and the dispatch job behave; set by the host (the callback address comes from <c>Idp:Issuer</c>).</summary>
public sealed class SmsOptions
{
    /// <summary>Where Twilio reports delivery: <c>{Idp:Issuer}/webhooks/twilio/status</c>.</summary>
    public Uri? StatusCallbackUrl { get; set; }

    /// <summary>Longest wait between two attempts. Default: 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>Idp:Sms:RecoverAfter</c>: how long a message may wait for the instance that took it (queued for its job, or claimed
    /// for sending) before another instance sends it: the instance died (killed, crashed, its machine gone). The outbox
    /// sweeper, every minute on one instance, hands such a message to a new job, so a message of a dead instance leaves
    /// within this plus a minute. Default 1 minute; 5 seconds to 2 minutes, and longer than <c>Idp:Sms:Twilio:Timeout</c>
    /// (a claim must outlive a slow send, or two instances would both send).
    /// </summary>
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromMinutes(1);
}
