using IdpSmsReset.Core.Messaging.FraudGuard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
