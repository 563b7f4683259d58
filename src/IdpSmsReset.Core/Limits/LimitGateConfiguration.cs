using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Limits;

internal sealed class LimitGateConfiguration : IEntityTypeConfiguration<LimitGate>
{
    public void Configure(EntityTypeBuilder<LimitGate> entity)
    {
        entity.ToTable("LimitGates");
        entity.HasKey(gate => gate.Key);
        entity.Property(gate => gate.Key).HasMaxLength(128);
        entity.HasIndex(gate => gate.TouchedAt);
    }
}
