using IdpSmsReset.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
