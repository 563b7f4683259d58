using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Mfa;

/// <summary>One of a user's single-use recovery codes for the authenticator app, kept as a SHA-256 hash.</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public required byte[] CodeHash { get; set; }

    public DateTime? UsedAt { get; set; }
}

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
