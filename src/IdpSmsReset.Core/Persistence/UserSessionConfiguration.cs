using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Persistence;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> entity)
    {
        entity.ToTable("UserSessions");
        entity.Property(s => s.Methods).HasMaxLength(64);
        entity.Property(s => s.UserAgent).HasMaxLength(UserSessionService.UserAgentMaxLength);
        entity.Property(s => s.IpAddress).HasMaxLength(64);
        entity.HasIndex(s => new { s.UserId, s.EndedAt });
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
