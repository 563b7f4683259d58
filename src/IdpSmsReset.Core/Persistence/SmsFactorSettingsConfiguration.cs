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
        entity.Property(settings => settings.AccountSid).HasMaxLength(34);
        entity.Property(settings => settings.ProtectedAuthToken).HasMaxLength(1024);
        entity.Property(settings => settings.From).HasMaxLength(32);
        entity.Property(settings => settings.MessagingServiceSid).HasMaxLength(34);
        entity.Property(settings => settings.PhoneField).HasMaxLength(128);
        entity.Property(settings => settings.AllowedCountries).HasMaxLength(1024);
        entity.Property(settings => settings.LastValidationError).HasMaxLength(1024);
        entity.Property(settings => settings.SecondaryAccountSid).HasMaxLength(34);
        entity.Property(settings => settings.SecondaryProtectedAuthToken).HasMaxLength(1024);
        entity.Property(settings => settings.SecondaryFrom).HasMaxLength(32);
        entity.Property(settings => settings.SecondaryMessagingServiceSid).HasMaxLength(34);
        entity.Property(settings => settings.SecondaryLastValidationError).HasMaxLength(1024);
        entity.Ignore(settings => settings.AllowedCountryCodes);
        entity.Ignore(settings => settings.HasUsableSecondary);
    }
}
