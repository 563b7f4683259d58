using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Passkeys;

/// <summary>When a passkey last signed its user in (Identity keeps when it was made, not when it was used).</summary>
public sealed class PasskeyUse
{
    /// <summary>The credential id, hex: Identity's own key for the passkey.</summary>
    public required string CredentialId { get; set; }

    public required string UserId { get; set; }

    public DateTime LastUsedAt { get; set; }
}

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
