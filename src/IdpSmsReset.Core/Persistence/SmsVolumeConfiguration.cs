using IdpSmsReset.Core.Messaging.FraudGuard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SmsVolumeConfiguration : IEntityTypeConfiguration<SmsVolume>
{
    public void Configure(EntityTypeBuilder<SmsVolume> entity)
    {
        entity.ToTable("SmsVolumes");
        entity.HasKey(volume => new { volume.Scope, volume.HourStart });
        entity.Property(volume => volume.Scope).HasMaxLength(64);
        entity.HasIndex(volume => volume.HourStart);
    }
}
