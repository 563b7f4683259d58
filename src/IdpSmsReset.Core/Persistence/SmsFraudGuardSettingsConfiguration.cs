using IdpSmsReset.Core.Messaging.FraudGuard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SmsFraudGuardSettingsConfiguration : IEntityTypeConfiguration<SmsFraudGuardSettings>
{
    public void Configure(EntityTypeBuilder<SmsFraudGuardSettings> entity)
    {
        entity.ToTable("SmsFraudGuardSettings");
        entity.Property(settings => settings.Id).ValueGeneratedNever();
        entity.Property(settings => settings.CountryBudgets).HasMaxLength(4096);
        entity.Property(settings => settings.Prices).HasMaxLength(4096);
        entity.Property(settings => settings.Currency).HasMaxLength(3);
        entity.Property(settings => settings.DefaultPrice).HasPrecision(12, 5);
    }
}
