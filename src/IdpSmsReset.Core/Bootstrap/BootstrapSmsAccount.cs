namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The bootstrap file's <c>smsFactor.secondary</c>: a second Twilio account, described as the primary is.</summary>
public sealed class BootstrapSmsAccount
{
    public string? AccountSid { get; init; }

    public string? AuthToken { get; init; }

    public string? From { get; init; }

    public string? MessagingServiceSid { get; init; }

    public Messaging.SmsFactorInput ToInput() => new(AccountSid, AuthToken, From, MessagingServiceSid, PhoneField: null, []);
}
