namespace IdpSmsReset.Core.Messaging;

/// <summary>A way to send an SMS (Twilio in production, WireMock in tests, the sandbox in Development).</summary>
public interface ISmsChannel
{
    Task<SmsSendResult> SendAsync(SmsAccount account, SmsToSend message, CancellationToken cancellationToken);

    /// <summary>Checks the account with the provider: it exists, is active, and owns the sender.</summary>
    Task<SmsAccountCheck> ValidateAsync(SmsAccount account, CancellationToken cancellationToken);
}

/// <summary>The account with its auth token in clear, for the moment of one call; never stored or logged like this.</summary>
public sealed record SmsAccount(string AccountSid, string AuthToken, string? From, string? MessagingServiceSid)
{
    public override string ToString() => $"SmsAccount {{ AccountSid = {AccountSid}, AuthToken = ***, From = {From}, MessagingServiceSid = {MessagingServiceSid} }}";
}

public sealed record SmsToSend(string Destination, string Body, Uri StatusCallback);

public abstract record SmsSendResult
{
    /// <summary>The provider accepted the message.</summary>
    public sealed record Accepted(string ProviderId, OutboundSmsStatus Status) : SmsSendResult;

    /// <summary>Worth trying again later (throttled, provider error, timeout); <see cref="RetryAfter"/> when the provider said.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : SmsSendResult;

    /// <summary>Will fail the same way every time (invalid number, unsubscribed, region not permitted...).</summary>
    public sealed record Permanent(string Reason) : SmsSendResult;
}

public sealed record SmsAccountCheck(bool IsValid, string? Problem)
{
    public static SmsAccountCheck Valid { get; } = new(true, null);

    public static SmsAccountCheck Invalid(string problem) => new(false, problem);
}
