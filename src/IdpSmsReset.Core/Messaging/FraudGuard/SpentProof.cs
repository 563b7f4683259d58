using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>A proof of work already accepted: its challenge is the key, so a second use fails on any instance.</summary>
public sealed class SpentProof
{
    public required string Challenge { get; set; }

    /// <summary>When the challenge would have expired anyway; pruned after.</summary>
    public DateTime ExpiresAt { get; set; }
}

internal sealed class SpentProofConfiguration : IEntityTypeConfiguration<SpentProof>
{
    public void Configure(EntityTypeBuilder<SpentProof> entity)
    {
        entity.ToTable("SpentProofs");
        entity.HasKey(proof => proof.Challenge);
        entity.Property(proof => proof.Challenge).HasMaxLength(64);
        entity.HasIndex(proof => proof.ExpiresAt);
    }
}
