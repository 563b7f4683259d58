using Twilio.Security;

namespace IdpSmsReset.Sms.Twilio;

/// <summary>Checks <c>X-Twilio-Signature</c>: an HMAC of the URL Twilio called and the posted fields, keyed with the Auth Token.</summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    public static bool IsValid(Uri publicUrl, IDictionary<string, string> form, string? signature, string authToken) =>
        !string.IsNullOrEmpty(signature) && !string.IsNullOrEmpty(authToken)
            && new RequestValidator(authToken).Validate(publicUrl.ToString(), form, signature);
}
