namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The bootstrap file's SMS factor section.</summary>
public sealed class BootstrapSmsFactor
{
    public string? AccountSid { get; init; }

    public string? AuthToken { get; init; }

    public string? From { get; init; }

    public string? MessagingServiceSid { get; init; }

    public string? PhoneField { get; init; }

    public List<string> AllowedCountries { get; init; } = [];

    /// <summary>The secondary Twilio account, used while the primary fails (accountSid, authToken, from or messagingServiceSid).</summary>
    public BootstrapSmsAccount? Secondary { get; init; }

    public Messaging.SmsFactorInput ToInput() => new(AccountSid, AuthToken, From, MessagingServiceSid, PhoneField, AllowedCountries);
}
