using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class SmsChallengeConfiguration : IEntityTypeConfiguration<SmsChallenge>
{
    public void Configure(EntityTypeBuilder<SmsChallenge> entity)
    {
        entity.ToTable("SmsChallenges");
        entity.Property(c => c.Purpose).HasMaxLength(32);
        entity.Property(c => c.Destination).HasMaxLength(32);
        entity.Property(c => c.CodeHash).HasMaxLength(32);
        entity.Property(c => c.CodeSalt).HasMaxLength(16);
        entity.Property(c => c.Closure).HasConversion<string>().HasMaxLength(16);
        entity.HasIndex(c => new { c.UserId, c.Purpose, c.CreatedAt });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
