using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// One Logout Token owed to one application because a session that obtained its tokens ended (OpenID Connect
/// Back-Channel Logout 1.0). The token itself is made at each attempt, never stored; the user's admin page shows the
/// outcome. Times are UTC.
/// </summary>
public sealed class BackchannelLogoutDelivery
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public Guid SessionId { get; set; }

    public required string ClientId { get; set; }

    public required string Uri { get; set; }

    /// <summary>Whether the application asked for <c>sid</c> in the token (<c>backchannel_logout_session_required</c>).</summary>
    public bool SessionRequired { get; set; }

    public BackchannelLogoutStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}

internal sealed class BackchannelLogoutDeliveryConfiguration : IEntityTypeConfiguration<BackchannelLogoutDelivery>
{
    public void Configure(EntityTypeBuilder<BackchannelLogoutDelivery> entity)
    {
        entity.ToTable("BackchannelLogoutDeliveries");
        entity.Property(d => d.UserId).HasMaxLength(450);
        entity.Property(d => d.ClientId).HasMaxLength(100);
        entity.Property(d => d.Uri).HasMaxLength(2048);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(d => d.LastError).HasMaxLength(512);
        entity.HasIndex(d => new { d.UserId, d.CreatedAt });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
