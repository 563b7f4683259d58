using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Mfa;

/// <summary>A user's enrolled authenticator app (RFC 6238, SHA-1, 6 digits, 30-second steps).</summary>
public sealed class AuthenticatorApp
{
    public required string UserId { get; set; }

    /// <summary>The shared secret, as Data Protection ciphertext.</summary>
    public required string ProtectedSecret { get; set; }

    public DateTime EnrolledAt { get; set; }

    /// <summary>The time step of the last accepted code: a code is accepted once, and never one older than it.</summary>
    public long LastUsedStep { get; set; }
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
