using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// One "forgot password" attempt, from the name typed to the new password (times are UTC). It exists whether or not
/// the account does, so every answer is the same; only a flow with a user, an eligible policy and a phone ever gets a
/// code by SMS. The flow belongs to the browser holding the secret whose hash is <see cref="BrowserKeyHash"/>.
/// </summary>
public sealed class PasswordResetFlow
{
    public Guid Id { get; set; }

    /// <summary>The account the name matched; null when none did.</summary>
    public string? UserId { get; set; }

    /// <summary>SHA-256 of the browser's secret; null for an administrator-issued flow not yet opened by the user.</summary>
    public byte[]? BrowserKeyHash { get; set; }

    public PasswordResetState State { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>After this nothing more can be done with the flow.</summary>
    public DateTime ExpiresAt { get; set; }

    public string? IpAddress { get; set; }

    /// <summary>What the per-address limit on started resets counts (<see cref="Limits.ClientNetwork"/>).</summary>
    public string? ClientNetwork { get; set; }

    /// <summary>Where the user goes after signing in with the new password (a local URL).</summary>
    public string? ReturnUrl { get; set; }

    /// <summary>The language of the SMS: the page's language when the user started, the user's own for a helpdesk reset.</summary>
    public string? Language { get; set; }

    /// <summary>The administrator who sent the code, for a helpdesk reset.</summary>
    public string? IssuedBy { get; set; }

    // The code rules of the user's policy (the default policy's without a user), fixed when the flow starts.
    public int CodeLength { get; set; }

    public int CodeLifetimeMinutes { get; set; }

    public int MaxAttempts { get; set; }

    public int ResendCooldownSeconds { get; set; }

    /// <summary>
    /// The challenge of the code last asked for (<see cref="Mfa.SmsChallenge"/>): made when the code is asked for, for
    /// every flow alike, and holding a code only once its SMS is queued. Its attempts count against
    /// <see cref="MaxAttempts"/>.
    /// </summary>
    public Guid? ChallengeId { get; set; }

    /// <summary>When the user last asked for a code; the background job answers each request once.</summary>
    public DateTime? CodeRequestedAt { get; set; }

    public DateTime? CodeRequestHandledAt { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Whether <paramref name="transition"/> may leave the state this copy was read in (pages choose what to show by
    /// it).</summary>
    public bool Allows(PasswordResetTransition transition) => PasswordResetTransitions.Allows(State, transition);
}

internal sealed class PasswordResetFlowConfiguration : IEntityTypeConfiguration<PasswordResetFlow>
{
    public void Configure(EntityTypeBuilder<PasswordResetFlow> entity)
    {
        entity.ToTable("PasswordResetFlows");
        entity.Property(flow => flow.State).HasConversion<string>().HasMaxLength(16);
        entity.Property(flow => flow.BrowserKeyHash).HasMaxLength(32);
        entity.Property(flow => flow.IpAddress).HasMaxLength(64);
        entity.Property(flow => flow.ReturnUrl).HasMaxLength(2048);
        entity.Property(flow => flow.IssuedBy).HasMaxLength(256);
        entity.Property(flow => flow.Language).HasMaxLength(8);
        entity.Property(flow => flow.ClientNetwork).HasMaxLength(ClientNetwork.MaxLength);
        entity.HasIndex(flow => new { flow.ClientNetwork, flow.CreatedAt });
        entity.HasIndex(flow => flow.UserId);
        // A flow for a deleted user ends with it; a flow without a user never had one.
        entity.HasOne<ApplicationUser>().WithMany().HasForeignKey(flow => flow.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Where a reset flow stands. Which state follows which is <see cref="PasswordResetTransitions"/>; only
/// <see cref="PasswordResetStateMachine"/> moves a flow, each move one conditional update.
/// </summary>
public enum PasswordResetState
{
    /// <summary>A name was given; no code asked for yet.</summary>
    Started,

    /// <summary>A code was asked for. The flow holds its hash only once the SMS is queued (and never for an account that cannot
    /// reset).</summary>
    CodeSent,

    /// <summary>The right code was entered: a new password may be set, for a short while.</summary>
    Verified,

    Completed,

    /// <summary>The code was entered wrong too often: the user must start again.</summary>
    Locked,

    /// <summary>The flow outlived its lifetime before it completed.</summary>
    Expired,
}
