using IdpSmsReset.Core.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class UsedClientAssertionConfiguration : IEntityTypeConfiguration<UsedClientAssertion>
{
    public void Configure(EntityTypeBuilder<UsedClientAssertion> entity)
    {
        entity.ToTable("UsedClientAssertions");
        entity.HasKey(used => used.Key);
        entity.Property(used => used.Key).HasMaxLength(64);
        entity.HasIndex(used => used.ExpiresAt);
    }
}
