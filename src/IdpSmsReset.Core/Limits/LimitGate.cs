using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Limits;

/// <summary>
/// One row per thing a limit counts (an address, say): the row a decision locks so that the decisions counting the same
/// thing take turns, on every instance (see <see cref="LimitGates"/>).
/// </summary>
public sealed class LimitGate
{
    public required string Key { get; set; }

    /// <summary>When a decision last took the gate; gates untouched for a day are pruned.</summary>
    public DateTime TouchedAt { get; set; }
}

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
