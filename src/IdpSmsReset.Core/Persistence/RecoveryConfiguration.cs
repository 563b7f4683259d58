using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class PasswordResetFlowConfiguration : IEntityTypeConfiguration<PasswordResetFlow>
{
    public void Configure(EntityTypeBuilder<PasswordResetFlow> entity)
    {
        entity.ToTable("PasswordResetFlows");
        entity.Property(flow => flow.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(flow => flow.BrowserKeyHash).HasMaxLength(32);
        entity.Property(flow => flow.CodeHash).HasMaxLength(32);
        entity.Property(flow => flow.CodeSalt).HasMaxLength(16);
        entity.Property(flow => flow.IpAddress).HasMaxLength(64);
        entity.Property(flow => flow.ReturnUrl).HasMaxLength(2048);
        entity.Property(flow => flow.IssuedBy).HasMaxLength(256);
        entity.Property(flow => flow.Language).HasMaxLength(8);
        entity.Property(flow => flow.ClientNetwork).HasMaxLength(ClientNetwork.MaxLength);
        entity.HasIndex(flow => new { flow.ClientNetwork, flow.CreatedAt });
        entity.HasIndex(flow => flow.UserId);
        // A flow for a deleted user ends with it; a flow without a user never had one.
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(flow => flow.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordResetSendConfiguration : IEntityTypeConfiguration<PasswordResetSend>
{
    public void Configure(EntityTypeBuilder<PasswordResetSend> entity)
    {
        entity.ToTable("PasswordResetSends");
        entity.Property(send => send.Destination).HasMaxLength(32);
        entity.Property(send => send.Country).HasMaxLength(2);
        entity.Property(send => send.IpAddress).HasMaxLength(64);
        entity.HasIndex(send => send.SentAt);
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(send => send.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PasswordResetWrongCodeConfiguration : IEntityTypeConfiguration<PasswordResetWrongCode>
{
    public void Configure(EntityTypeBuilder<PasswordResetWrongCode> entity)
    {
        entity.ToTable("PasswordResetWrongCodes");
        entity.Property(wrong => wrong.ClientNetwork).HasMaxLength(ClientNetwork.MaxLength);
        entity.HasIndex(wrong => new { wrong.UserId, wrong.EnteredAt });
        entity.HasIndex(wrong => new { wrong.ClientNetwork, wrong.EnteredAt });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(wrong => wrong.UserId).OnDelete(DeleteBehavior.Cascade);
    }
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
        entity.HasIndex(e => e.OccurredAt);
        entity.HasIndex(e => new { e.SubjectUserId, e.OccurredAt });
        // No foreign key: the log outlives the accounts it speaks of.
    }
}
