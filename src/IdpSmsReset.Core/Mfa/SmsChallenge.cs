using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// One code sent by SMS to a user for a purpose (times are UTC). The code is kept only as a salted hash. A challenge
/// closes when its code is used, replaced by a newer one, or entered wrong too often.
/// </summary>
public sealed class SmsChallenge
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>One of <see cref="Messaging.SmsPurposes"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>E.164: where the code went (for a phone change, the number being verified).</summary>
    public required string Destination { get; set; }

    public required byte[] CodeHash { get; set; }

    public required byte[] CodeSalt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? ClosedAt { get; set; }

    public SmsChallengeClosure? Closure { get; set; }
}

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
