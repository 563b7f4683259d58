using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
