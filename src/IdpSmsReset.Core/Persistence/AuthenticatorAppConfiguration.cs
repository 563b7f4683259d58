using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class AuthenticatorAppConfiguration : IEntityTypeConfiguration<AuthenticatorApp>
{
    public void Configure(EntityTypeBuilder<AuthenticatorApp> entity)
    {
        entity.ToTable("AuthenticatorApps");
        entity.HasKey(app => app.UserId);
        entity.Property(app => app.ProtectedSecret).HasMaxLength(1024);
        entity.HasOne<ApplicationUser>().WithOne().HasForeignKey<AuthenticatorApp>(app => app.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
