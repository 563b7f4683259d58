using IdpSmsReset.Core.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class IdentityProviderConfiguration : IEntityTypeConfiguration<IdentityProvider>
{
    public void Configure(EntityTypeBuilder<IdentityProvider> entity)
    {
        entity.ToTable("IdentityProviders");
        entity.HasKey(provider => provider.Id);
        entity.HasIndex(provider => provider.Name).IsUnique();
        entity.Property(provider => provider.Name).HasMaxLength(IdentityProviderVocabulary.MaxNameLength);
        entity.Property(provider => provider.Type).HasMaxLength(16);
        entity.Property(provider => provider.DisplayName).HasMaxLength(IdentityProviderVocabulary.MaxDisplayNameLength);
        entity.Property(provider => provider.Issuer).HasMaxLength(2048);
        entity.Property(provider => provider.ClientId).HasMaxLength(256);
        entity.Property(provider => provider.ProtectedClientSecret).HasMaxLength(4096);
        entity.Property(provider => provider.Scopes).HasMaxLength(1024);
        entity.Property(provider => provider.UserNameClaim).HasMaxLength(100);
        entity.Property(provider => provider.EmailClaim).HasMaxLength(100);
        entity.Property(provider => provider.DisplayNameClaim).HasMaxLength(100);
        entity.Property(provider => provider.PhoneClaim).HasMaxLength(100);
        entity.Property(provider => provider.EmailDomains).HasMaxLength(4096);
        entity.Property(provider => provider.Provisioning).HasMaxLength(16);
    }
}
