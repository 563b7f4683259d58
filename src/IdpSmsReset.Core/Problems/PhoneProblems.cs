namespace IdpSmsReset.Core.Problems;

/// <summary>The problems of a phone number and of sending it an SMS, each with its code and English template.</summary>
public static class PhoneProblems
{
    public static Problem Required { get; } = new("phone.required", "A phone number is required.", []);

    public static Problem Invalid { get; } = new("phone.invalid", "That is not a valid phone number.", []);

    public static Problem NotInternational { get; } = new(
        "phone.not-international", "Enter the number in international form, with + and the country code, such as +14155550100.", []);

    public static Problem AlreadyVerified { get; } = new("phone.already-verified", "This is already your verified number.", []);

    public static Problem SmsNotConfigured { get; } = new("sms.not-configured", "The SMS factor is not configured.", []);

    public static Problem CountryNotAllowed(string country) =>
        new("sms.country-not-allowed", "SMS to {0} numbers is not allowed.", [country]);

    /// <summary>A premium-rate, shared-cost, UAN, unknown or (where not allowed) VoIP number: see <c>SmsNumberCheck</c>.</summary>
    public static Problem NumberTypeRefused(string kind) =>
        new("sms.number-type-refused", "Codes cannot be sent to this number: it is {0}.", [kind]);
}
