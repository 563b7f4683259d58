using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> entity)
    {
        entity.ToTable("RecoveryCodes");
        entity.Property(code => code.CodeHash).HasMaxLength(32);
        entity.HasIndex(code => new { code.UserId, code.CodeHash });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(code => code.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
