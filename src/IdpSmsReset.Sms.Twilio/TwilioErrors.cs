using IdpSmsReset.Core.Messaging;
using Twilio.Exceptions;

namespace IdpSmsReset.Sms.Twilio;

/// <summary>What Twilio's answers mean for the outbox: retry later, fail now, or which status a message is in.</summary>
public static class TwilioErrors
{
    public const int TooManyRequests = 20429;
    public const int InvalidToNumber = 21211;
    public const int RegionNotPermitted = 21408;
    public const int Unsubscribed = 21610;
    public const int AuthenticationFailed = 20003;

    public static SmsSendResult Classify(ApiException exception)
    {
        if (exception.Status == 429 || exception.Code == TooManyRequests)
        {
            return new SmsSendResult.Transient($"Twilio is throttling requests ({Code(exception)}).", SmsErrorClasses.Throttled);
        }

        if (exception.Status >= 500)
        {
            return new SmsSendResult.Transient($"Twilio answered {exception.Status} ({Code(exception)}).", SmsErrorClasses.ProviderError);
        }

        return exception.Code switch
        {
            AuthenticationFailed => new SmsSendResult.Transient(
                $"Twilio refused the account (Twilio {AuthenticationFailed}: suspended, out of balance, or its token revoked).",
                SmsErrorClasses.AccountUnavailable),
            InvalidToNumber => new SmsSendResult.Permanent($"The destination is not a valid phone number (Twilio {InvalidToNumber}).",
                SmsErrorClasses.InvalidNumber),
            Unsubscribed => new SmsSendResult.Permanent($"The recipient has unsubscribed from this sender (Twilio {Unsubscribed}).",
                SmsErrorClasses.Unsubscribed),
            RegionNotPermitted => new SmsSendResult.Permanent(
                $"The Twilio account may not send to this region (Twilio {RegionNotPermitted}).", SmsErrorClasses.RegionNotPermitted),
            _ => new SmsSendResult.Permanent($"Twilio refused the message: {exception.Message} ({Code(exception)}).",
                SmsErrorClasses.Refused),
        };
    }

    public static string DescribeValidationFailure(ApiException exception, SmsAccount account) => exception switch
    {
        { Status: 401 } or { Code: AuthenticationFailed }
            => $"Twilio refused the Account SID {account.AccountSid} with this Auth Token: one of them is wrong.",
        { Status: 404 } when account.MessagingServiceSid is { Length: > 0 }
            => $"The Messaging Service {account.MessagingServiceSid} does not exist in the Twilio account {account.AccountSid}.",
        { Status: 404 } => $"Twilio has no account {account.AccountSid}.",
        _ => $"Twilio could not check the account: {exception.Message} ({Code(exception)}).",
    };

    /// <summary>Twilio's message statuses in the outbox's terms; anything accepted but not yet final is <c>Sent</c>.</summary>
    public static OutboundSmsStatus StatusOf(string? twilioStatus) => twilioStatus?.ToLowerInvariant() switch
    {
        "delivered" or "read" => OutboundSmsStatus.Delivered,
        "undelivered" => OutboundSmsStatus.Undelivered,
        "failed" or "canceled" => OutboundSmsStatus.Failed,
        _ => OutboundSmsStatus.Sent,
    };

    private static string Code(ApiException exception) => exception.Code != 0 ? $"error {exception.Code}" : $"HTTP {exception.Status}";
}
