using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class PasskeyUseConfiguration : IEntityTypeConfiguration<PasskeyUse>
{
    public void Configure(EntityTypeBuilder<PasskeyUse> entity)
    {
        entity.ToTable("PasskeyUses");
        entity.HasKey(use => use.CredentialId);
        // WebAuthn allows credential ids of up to 1023 bytes.
        entity.Property(use => use.CredentialId).HasMaxLength(2048);
        entity.HasIndex(use => use.UserId);
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(use => use.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
