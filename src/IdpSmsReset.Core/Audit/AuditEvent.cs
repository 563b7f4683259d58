using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Audit;

/// <summary>
/// Something that happened to an account, for administrators (times are UTC). Never holds a secret, a code or a
/// full phone number: <see cref="Details"/> is plain words written for the log.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }

    public DateTime OccurredAt { get; set; }

    /// <summary>One of <see cref="AuditEventTypes"/>.</summary>
    public required string Type { get; set; }

    /// <summary>Who acted: a user name, <c>system</c>, or <c>anonymous</c> (someone not signed in).</summary>
    public required string Actor { get; set; }

    /// <summary>The account concerned, when there is one.</summary>
    public string? SubjectUserId { get; set; }

    /// <summary>The client's address, or only its network (<see cref="AuditOptions.Addresses"/>).</summary>
    public string? IpAddress { get; set; }

    /// <summary>The browser's family (<see cref="Audit.UserAgentFamily"/>), when a browser asked.</summary>
    public string? UserAgent { get; set; }

    /// <summary>The application the request was for (its OAuth client_id), when it was for one.</summary>
    public string? ClientId { get; set; }

    public string? Details { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> entity)
    {
        entity.ToTable("AuditEvents");
        entity.Property(e => e.Type).HasMaxLength(64);
        entity.Property(e => e.Actor).HasMaxLength(256);
        entity.Property(e => e.SubjectUserId).HasMaxLength(450);
        entity.Property(e => e.IpAddress).HasMaxLength(64);
        entity.Property(e => e.Details).HasMaxLength(2048);
        entity.Property(e => e.UserAgent).HasMaxLength(UserAgentFamily.MaxLength);
        entity.Property(e => e.ClientId).HasMaxLength(100);
        entity.HasIndex(e => new { e.Type, e.OccurredAt });
        entity.HasIndex(e => e.OccurredAt);
        entity.HasIndex(e => new { e.SubjectUserId, e.OccurredAt });
        // No foreign key: the log outlives the accounts it speaks of.
    }
}
