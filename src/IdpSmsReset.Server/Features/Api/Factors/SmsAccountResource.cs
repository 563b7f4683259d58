using IdpSmsReset.Core.Messaging;

namespace IdpSmsReset.Server.Features.Api.Factors;

/// <summary>The secondary Twilio account as the API shows it: never its auth token.</summary>
public sealed record SmsAccountResource(string AccountSid, bool AuthTokenSet, string? From, string? MessagingServiceSid,
    DateTime? ValidatedAt, string? LastValidationError)
{
    public static SmsAccountResource Of(TwilioAccount account) => new(account.AccountSid, true, account.From,
        account.MessagingServiceSid, account.ValidatedAt, account.LastValidationError);
}
