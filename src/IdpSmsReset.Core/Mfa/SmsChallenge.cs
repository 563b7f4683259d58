using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// The one code challenge (times are UTC): a code sent by SMS for a purpose, kept only as a salted hash, with its
/// expiry and the attempts taken at it. A sign-in code or a phone verification is bound to its user and purpose; a
/// reset code to its flow (<see cref="FlowId"/>), whose state machine refers to it and counts its attempts against the
/// flow's policy. A challenge closes when its code is used, replaced by a newer one, or entered wrong too often.
/// </summary>
public sealed class SmsChallenge
{
    // Compared against when a challenge holds no code, so a wrong code costs the same everywhere.
    private static readonly byte[] NoCodeSalt = OneTimeCode.NewSalt();
    private static readonly byte[] NoCodeHash = OneTimeCode.Hash(OneTimeCode.NewNumeric(8), NoCodeSalt);

    public Guid Id { get; set; }

    /// <summary>The account; null only for a reset flow whose name matched none (its challenge never holds a code).</summary>
    public string? UserId { get; set; }

    /// <summary>One of <see cref="Messaging.SmsPurposes"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>The reset flow the challenge belongs to; null for a sign-in code or a phone verification.</summary>
    public Guid? FlowId { get; set; }

    /// <summary>E.164: where the code went (for a phone change, the number being verified); null while no code was sent.</summary>
    public string? Destination { get; set; }

    /// <summary>Null while the challenge holds no code: a reset's code is only put in once its SMS is queued.</summary>
    public byte[]? CodeHash { get; set; }

    public byte[]? CodeSalt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? ClosedAt { get; set; }

    public SmsChallengeClosure? Closure { get; set; }

    /// <summary>True when the challenge holds a code and <paramref name="code"/> is it; the comparison costs the same either way.</summary>
    public bool Holds(string code) => OneTimeCode.Matches(code, CodeSalt ?? NoCodeSalt, CodeHash ?? NoCodeHash) && CodeHash is not null;

    /// <summary>
    /// Takes one attempt at the open challenge <paramref name="challenge"/> selects, whose condition also says how many
    /// are allowed; false when none is left (or it closed). Only a request that got an attempt may compare its code.
    /// </summary>
    public static async Task<bool> TakeAttemptAsync(IQueryable<SmsChallenge> challenge, CancellationToken cancellationToken) =>
        await challenge.Where(c => c.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken) == 1;

    /// <summary>Closes the open challenge <paramref name="challenge"/> selects: of requests racing, one does (true).</summary>
    public static async Task<bool> CloseAsync(IQueryable<SmsChallenge> challenge, SmsChallengeClosure closure, DateTime now,
        CancellationToken cancellationToken) =>
        await challenge.Where(c => c.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ClosedAt, now).SetProperty(c => c.Closure, closure), cancellationToken) == 1;
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
        entity.HasIndex(c => c.FlowId);
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
