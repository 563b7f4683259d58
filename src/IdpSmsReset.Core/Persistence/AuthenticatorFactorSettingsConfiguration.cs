using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class AuthenticatorFactorSettingsConfiguration : IEntityTypeConfiguration<AuthenticatorFactorSettings>
{
    public void Configure(EntityTypeBuilder<AuthenticatorFactorSettings> entity)
    {
        entity.ToTable("AuthenticatorFactorSettings");
        entity.Property(settings => settings.Id).ValueGeneratedNever();
    }
}
