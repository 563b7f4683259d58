using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// One signed-in browser (times are UTC). The session cookie carries its id; a session ended here signs that browser
/// out at the cookie's next validation.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The authentication methods of the sign-in, space-separated (<c>pwd sms mfa</c>).</summary>
    public required string Methods { get; set; }

    public string? UserAgent { get; set; }

    public string? IpAddress { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> entity)
    {
        entity.ToTable("UserSessions");
        entity.Property(s => s.Methods).HasMaxLength(64);
        entity.Property(s => s.UserAgent).HasMaxLength(UserSessionService.UserAgentMaxLength);
        entity.Property(s => s.IpAddress).HasMaxLength(64);
        entity.HasIndex(s => new { s.UserId, s.EndedAt });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
