namespace IdpSmsReset.Core.Messaging;

/// <summary>How the outbox and the dispatch job behave; set by the host (the callback address comes from <c>Idp:Issuer</c>).</summary>
public sealed class SmsOptions
{
    /// <summary>Where Twilio reports delivery: <c>{Idp:Issuer}/webhooks/twilio/status</c>.</summary>
    public Uri? StatusCallbackUrl { get; set; }

    /// <summary>Longest wait between two attempts. Default: 60 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A claim older than this was abandoned (the process died mid-send). Default: 2 minutes.</summary>
    public TimeSpan AbandonedClaimAfter { get; set; } = TimeSpan.FromMinutes(2);
}
