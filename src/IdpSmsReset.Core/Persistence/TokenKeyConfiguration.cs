using IdpSmsReset.Core.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class TokenKeyConfiguration : IEntityTypeConfiguration<TokenKey>
{
    public void Configure(EntityTypeBuilder<TokenKey> entity)
    {
        entity.ToTable("TokenKeys");
        entity.Property(key => key.Use).HasMaxLength(16);
        entity.Property(key => key.KeyId).HasMaxLength(64);
        entity.Property(key => key.Algorithm).HasMaxLength(16);
        // Exactly one key per generation of a use and algorithm, whichever instance tries to make it.
        entity.HasIndex(key => new { key.Use, key.Algorithm, key.Generation }).IsUnique();
    }
}
