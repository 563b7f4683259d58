using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// How many messages the guard let through in one UTC hour for one scope (<see cref="SmsScopes"/>): the budgets, the
/// surge baseline and the dashboard's figures by country all read these counters, never the message table, so an
/// admission reads a few dozen rows however many messages went out. Kept 8 days.
/// </summary>
public sealed class SmsVolume
{
    public required string Scope { get; set; }

    /// <summary>The hour, UTC, truncated.</summary>
    public DateTime HourStart { get; set; }

    public int Messages { get; set; }
}

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
