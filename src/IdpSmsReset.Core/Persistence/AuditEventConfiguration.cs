using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
