using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Applications;

/// <summary>A client assertion's <c>jti</c>, kept until the assertion expires so that it is accepted once only.</summary>
public sealed class UsedClientAssertion
{
    /// <summary>The SHA-256 (hex) of the client id and the jti: a jti is unique per issuer, and the pair has no length limit.</summary>
    public required string Key { get; set; }

    public DateTime ExpiresAt { get; set; }
}

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
