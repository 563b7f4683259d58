using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
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
