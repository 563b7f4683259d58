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

internal sealed class AuthenticatorAppConfiguration : IEntityTypeConfiguration<AuthenticatorApp>
{
    public void Configure(EntityTypeBuilder<AuthenticatorApp> entity)
    {
        entity.ToTable("AuthenticatorApps");
        entity.HasKey(app => app.UserId);
        entity.Property(app => app.ProtectedSecret).HasMaxLength(1024);
        entity.HasOne<ApplicationUser>().WithOne().HasForeignKey<AuthenticatorApp>(app => app.UserId).OnDelete(DeleteBehavior.Cascade);
    }
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

internal sealed class AuthenticatorFactorSettingsConfiguration : IEntityTypeConfiguration<AuthenticatorFactorSettings>
{
    public void Configure(EntityTypeBuilder<AuthenticatorFactorSettings> entity)
    {
        entity.ToTable("AuthenticatorFactorSettings");
        entity.Property(settings => settings.Id).ValueGeneratedNever();
    }
}
