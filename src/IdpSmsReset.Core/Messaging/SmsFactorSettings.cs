namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The SMS factor's Twilio account: one row. The auth token is stored only as Data Protection ciphertext and is never
/// shown back; the factor counts as configured only while the last validation against Twilio succeeded.
/// </summary>
public sealed class SmsFactorSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public required string AccountSid { get; set; }

    public required string ProtectedAuthToken { get; set; }

    /// <summary>The sending phone number (E.164); null when a Messaging Service sends.</summary>
    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    /// <summary><c>PhoneNumber</c> (the Identity field), or the name of a custom user attribute.</summary>
    public string PhoneField { get; set; } = DefaultPhoneField;

    /// <summary>ISO 3166 alpha-2 codes, comma-separated; empty allows every country.</summary>
    public string AllowedCountries { get; set; } = "";

    public DateTime? ValidatedAt { get; set; }

    public string? LastValidationError { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The secondary Twilio account (null: none), which sends while the primary's circuit breaker is open or after a
    /// definite failure of the primary; its auth token, too, only as ciphertext.
    /// </summary>
    public string? SecondaryAccountSid { get; set; }

    public string? SecondaryProtectedAuthToken { get; set; }

    public string? SecondaryFrom { get; set; }

    public string? SecondaryMessagingServiceSid { get; set; }

    public DateTime? SecondaryValidatedAt { get; set; }

    public string? SecondaryLastValidationError { get; set; }

    /// <summary>A secondary account that Twilio accepted at its last validation.</summary>
    public bool HasUsableSecondary => SecondaryAccountSid is not null && SecondaryProtectedAuthToken is not null
        && SecondaryValidatedAt is not null && SecondaryLastValidationError is null;

    public const string DefaultPhoneField = "PhoneNumber";

    public bool IsConfigured => ValidatedAt is not null && LastValidationError is null;

    public IReadOnlyList<string> AllowedCountryCodes =>
        AllowedCountries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
