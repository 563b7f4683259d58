namespace IdpSmsReset.Core.Messaging;

public abstract record SmsSendResult
{
    /// <summary>The provider accepted the message.</summary>
    public sealed record Accepted(string ProviderId, OutboundSmsStatus Status) : SmsSendResult;

    /// <summary>
    /// Worth trying again later (throttled, provider error, timeout); <see cref="RetryAfter"/> when the provider said.
    /// <see cref="ErrorClass"/> is one of <see cref="SmsErrorClasses"/>.
    /// </summary>
    public sealed record Transient(string Reason, string ErrorClass, TimeSpan? RetryAfter = null) : SmsSendResult;

    /// <summary>Will fail the same way every time (invalid number, unsubscribed, region not permitted...).</summary>
    public sealed record Permanent(string Reason, string ErrorClass) : SmsSendResult;
}
