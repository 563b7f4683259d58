using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class SmsFactorSettingsConfiguration : IEntityTypeConfiguration<SmsFactorSettings>
{
    public void Configure(EntityTypeBuilder<SmsFactorSettings> entity)
    {
        entity.ToTable("SmsFactorSettings");
        entity.Property(settings => settings.Id).ValueGeneratedNever();
        // Both accounts live in the settings row: the primary's columns kept their first names, the secondary's are prefixed.
        entity.OwnsOne(settings => settings.Primary, account => Map(account, ""));
        entity.Navigation(settings => settings.Primary).IsRequired();
        entity.OwnsOne(settings => settings.Secondary, account => Map(account, "Secondary"));
        entity.Property(settings => settings.PhoneField).HasMaxLength(128);
        entity.Property(settings => settings.AllowedCountries).HasMaxLength(1024);
        entity.Ignore(settings => settings.AllowedCountryCodes);
        entity.Ignore(settings => settings.HasUsableSecondary);
    }

    private static void Map(OwnedNavigationBuilder<SmsFactorSettings, TwilioAccount> account, string prefix)
    {
        account.Property(twilio => twilio.AccountSid).HasColumnName(prefix + nameof(TwilioAccount.AccountSid)).HasMaxLength(34);
        account.Property(twilio => twilio.ProtectedAuthToken).HasColumnName(prefix + nameof(TwilioAccount.ProtectedAuthToken))
            .HasMaxLength(1024);
        account.Property(twilio => twilio.From).HasColumnName(prefix + nameof(TwilioAccount.From)).HasMaxLength(32);
        account.Property(twilio => twilio.MessagingServiceSid).HasColumnName(prefix + nameof(TwilioAccount.MessagingServiceSid))
            .HasMaxLength(34);
        account.Property(twilio => twilio.ValidatedAt).HasColumnName(prefix + nameof(TwilioAccount.ValidatedAt));
        account.Property(twilio => twilio.LastValidationError).HasColumnName(prefix + nameof(TwilioAccount.LastValidationError))
            .HasMaxLength(1024);
        account.Ignore(twilio => twilio.IsUsable);
    }
}
