using IdpSmsReset.Core.Messaging;

namespace IdpSmsReset.Server.Features.Api.Factors;

/// <summary>
/// The SMS factor as the API shows it: the bootstrap file's <c>smsFactor</c> shape without the auth token (never
/// returned: <c>authTokenSet</c> says there is one), with Twilio's last verdict on each account.
/// </summary>
public sealed record SmsFactorResource(
    string AccountSid, bool AuthTokenSet, string? From, string? MessagingServiceSid, string PhoneField,
    IReadOnlyList<string> AllowedCountries, DateTime? ValidatedAt, string? LastValidationError, SmsAccountResource? Secondary)
{
    public static SmsFactorResource Of(SmsFactorSettings settings) => new(
        settings.Primary.AccountSid, true, settings.Primary.From, settings.Primary.MessagingServiceSid, settings.PhoneField,
        settings.AllowedCountryCodes, settings.Primary.ValidatedAt, settings.Primary.LastValidationError,
        settings.Secondary is { } secondary ? SmsAccountResource.Of(secondary) : null);
}
