using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// A counter per area of configuration that caches depend on, bumped in the database by every change to that area, so
/// every instance's caches see the change (see <see cref="ChangeStamps"/>).
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>One of <see cref="ChangeAreas"/>.</summary>
    public required string Area { get; set; }

    public long Version { get; set; }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> entity)
    {
        entity.ToTable("ChangeStamps");
        entity.HasKey(stamp => stamp.Area);
        entity.Property(stamp => stamp.Area).HasMaxLength(64);
        // Seeded, so a bump is always an update: concurrent first changes cannot race to insert.
        entity.HasData(ChangeAreas.All.Select(area => new ChangeStamp { Area = area, Version = 0 }));
    }
}
