namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The SMS factor's settings: one row, holding its Twilio accounts (<see cref="TwilioAccount"/>) and who may receive
/// codes. The factor counts as configured only while Twilio accepted the primary account at its last validation.
/// </summary>
public sealed class SmsFactorSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The account every message goes through first.</summary>
    public required TwilioAccount Primary { get; set; }

    /// <summary>
    /// The account (null: none) that sends while the primary's circuit breaker is open or after a definite failure of the
    /// primary; used only while Twilio accepts it.
    /// </summary>
    public TwilioAccount? Secondary { get; set; }

    /// <summary><c>PhoneNumber</c> (the Identity field), or the name of a custom user attribute.</summary>
    public string PhoneField { get; set; } = DefaultPhoneField;

    /// <summary>ISO 3166 alpha-2 codes, comma-separated; empty allows every country.</summary>
    public string AllowedCountries { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    /// <summary>A secondary account that Twilio accepted at its last validation.</summary>
    public bool HasUsableSecondary => Secondary?.IsUsable == true;

    /// <summary>The account named <see cref="SmsAccountNames.Primary"/> or <see cref="SmsAccountNames.Secondary"/> (null: none).</summary>
    public TwilioAccount? Account(string name) => name == SmsAccountNames.Secondary ? Secondary : Primary;

    public const string DefaultPhoneField = "PhoneNumber";

    public bool IsConfigured => Primary.IsUsable;

    public IReadOnlyList<string> AllowedCountryCodes =>
        AllowedCountries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The one rule of where texts may go: anywhere when no country is listed, else the listed ones.</summary>
    public bool AllowsCountry(string country) =>
        AllowedCountryCodes is var allowed && (allowed.Count == 0 || allowed.Contains(country, StringComparer.OrdinalIgnoreCase));
}
