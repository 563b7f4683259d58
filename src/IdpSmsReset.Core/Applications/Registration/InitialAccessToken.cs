using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// A token an administrator issued so that an application may register itself (RFC 7591 §3's initial access token),
/// in <c>initial-access-token</c> mode. Only its hash is kept.
/// </summary>
public sealed class InitialAccessToken
{
    public Guid Id { get; set; }

    /// <summary>The SHA-256 (hex) of the token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>What it is for, as the administrator wrote it ("the billing team's agents").</summary>
    public required string Description { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Good for one registration; otherwise for any number until it expires.</summary>
    public bool OneTime { get; set; }

    /// <summary>How many registrations it allowed so far.</summary>
    public int Uses { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class InitialAccessTokenConfiguration : IEntityTypeConfiguration<InitialAccessToken>
{
    public void Configure(EntityTypeBuilder<InitialAccessToken> entity)
    {
        entity.ToTable("InitialAccessTokens");
        entity.HasKey(token => token.Id);
        entity.Property(token => token.TokenHash).HasMaxLength(64);
        entity.HasIndex(token => token.TokenHash).IsUnique();
        entity.Property(token => token.Description).HasMaxLength(200);
        entity.Property(token => token.CreatedBy).HasMaxLength(256);
    }
}
