using IdpSmsReset.Core.Applications.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class InitialAccessTokenConfiguration : IEntityTypeConfiguration<InitialAccessToken>
{
    public void Configure(EntityTypeBuilder<InitialAccessToken> entity)
    {
        entity.ToTable("InitialAccessTokens");
        entity.HasKey(token => token.Id);
        entity.Property(token => token.TokenHash).HasMaxLength(64);
        entity.HasIndex(token => token.TokenHash).IsUnique();
        entity.Property(token => token.Description).HasMaxLength(200);
        entity.Property(token => token.CreatedBy).HasMaxLength(256);
    }
}
