using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
