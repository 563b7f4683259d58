using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

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
