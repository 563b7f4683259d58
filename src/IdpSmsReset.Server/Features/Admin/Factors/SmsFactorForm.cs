namespace IdpSmsReset.Server.Features.Admin.Factors;

/// <summary>The SMS factor form as typed. The auth token is write-only: left blank, the stored one is kept.</summary>
public sealed class SmsFactorForm
{
    public const string SenderNumber = "number";
    public const string SenderService = "service";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary><see cref="SenderNumber"/> or <see cref="SenderService"/>.</summary>
    public string Sender { get; set; } = SenderNumber;

    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    public string? PhoneField { get; set; }

    /// <summary>Comma- or space-separated ISO codes; empty allows every country.</summary>
    public string? AllowedCountries { get; set; }

    /// <summary>The form as <paramref name="account"/> fills it: never its token.</summary>
    public static SmsFactorForm Of(Core.Messaging.TwilioAccount account) => new()
    {
        AccountSid = account.AccountSid,
        Sender = account.MessagingServiceSid is null ? SenderNumber : SenderService,
        From = account.From,
        MessagingServiceSid = account.MessagingServiceSid,
    };

    public Core.Messaging.SmsFactorInput ToInput() => new(
        AccountSid?.Trim(),
        string.IsNullOrEmpty(AuthToken) ? null : AuthToken,
        Sender == SenderNumber ? From?.Trim() : null,
        Sender == SenderService ? MessagingServiceSid?.Trim() : null,
        string.IsNullOrWhiteSpace(PhoneField) ? null : PhoneField.Trim(),
        (AllowedCountries ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The form field of a rule's field name (<c>allowedCountries[1]</c> → <c>Sms.AllowedCountries</c>).</summary>
    public static string KeyOf(string field, string prefix = "Sms.") => FormFieldKey.Of(field, prefix);
}
