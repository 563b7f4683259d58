using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SessionAuthorizationConfiguration : IEntityTypeConfiguration<SessionAuthorization>
{
    public void Configure(EntityTypeBuilder<SessionAuthorization> entity)
    {
        entity.ToTable("SessionAuthorizations");
        entity.HasKey(a => new { a.SessionId, a.AuthorizationId });
        entity.Property(a => a.AuthorizationId).HasMaxLength(100);
        entity.Property(a => a.ApplicationId).HasMaxLength(100);
        entity.HasIndex(a => new { a.SessionId, a.ApplicationId, a.OfflineAccess });
        // Pruning a session forgets which authorizations it had; OpenIddict prunes those on its own.
        entity.HasOne<UserSession>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
