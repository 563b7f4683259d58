using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// The OpenIddict authorization through which one sign-in session obtained tokens for one application: every code,
/// access and refresh token of that session at that application belongs to it. Revoking it (a replayed code, the
/// session ending) reaches exactly that session's tokens; the user's consent stays a separate, permanent authorization.
/// </summary>
public sealed class SessionAuthorization
{
    public Guid SessionId { get; set; }

    public required string AuthorizationId { get; set; }

    /// <summary>OpenIddict's id of the application.</summary>
    public required string ApplicationId { get; set; }

    /// <summary>Granted <c>offline_access</c>: its refresh tokens outlive the browser signing out of the application.</summary>
    public bool OfflineAccess { get; set; }

    public DateTime CreatedAt { get; set; }
}

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
