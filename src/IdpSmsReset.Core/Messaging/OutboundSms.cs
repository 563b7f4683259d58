using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// One SMS in the outbox (times are UTC <see cref="DateTime"/>s: every provider compares them in SQL). Written before any sending is
/// attempted; its body (which may hold a code) is stored only
/// as Data Protection ciphertext; a dispatch job, whose only argument is <see cref="Id"/>, sends it.
/// </summary>
public sealed class OutboundSms
{
    public Guid Id { get; set; }

    /// <summary>E.164.</summary>
    public required string Destination { get; set; }

    /// <summary>ISO 3166 alpha-2 code of <see cref="Destination"/>.</summary>
    public required string Country { get; set; }

    public required string Purpose { get; set; }

    public required string ProtectedBody { get; set; }

    public OutboundSmsStatus Status { get; set; } = OutboundSmsStatus.Queued;

    public string? TwilioSid { get; set; }

    /// <summary>
    /// The account (<see cref="SmsAccountNames"/>) the current or last attempt went through: set by each claim, so a
    /// message is sent by one account only, and a retry after an answer that never came stays on it.
    /// </summary>
    public string? Account { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Why the last attempt did not go, as one of <see cref="SmsErrorClasses"/>.</summary>
    public string? ErrorClass { get; set; }

    /// <summary>The budget (<see cref="FraudGuard.SmsScopes"/>) that was spent when the guard held the message.</summary>
    public string? HoldScope { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not sent after this (UTC): a code nobody can use any more is not worth a message.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>When the next attempt is due (UTC); the outbox sweeper re-enqueues a message long past it.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>When the current attempt claimed the message (UTC); a claim older than a few minutes was abandoned.</summary>
    public DateTime? ClaimedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class OutboundSmsConfiguration : IEntityTypeConfiguration<OutboundSms>
{
    public void Configure(EntityTypeBuilder<OutboundSms> entity)
    {
        entity.ToTable("OutboundSms");
        entity.Property(message => message.Destination).HasMaxLength(32);
        entity.Property(message => message.Country).HasMaxLength(2);
        entity.Property(message => message.Purpose).HasMaxLength(64);
        entity.Property(message => message.ProtectedBody).HasMaxLength(4096);
        entity.Property(message => message.TwilioSid).HasMaxLength(34);
        entity.Property(message => message.Account).HasMaxLength(16);
        entity.Property(message => message.LastError).HasMaxLength(1024);
        entity.Property(message => message.ErrorClass).HasMaxLength(32);
        entity.Property(message => message.HoldScope).HasMaxLength(64);
        // The status callback finds a message by its SID; the sweeper by status and due time.
        entity.HasIndex(message => message.TwilioSid).IsUnique();
        entity.HasIndex(message => new { message.Status, message.NextAttemptAt });
    }
}

/// <summary>
/// Where a message is. Later states rank higher among those Twilio reports on: a status update never moves a message
/// back. The fraud guard's own (held, discarded, refused) come last: no report ever reaches a message that never left. Which status follows
/// which is <see cref="OutboundSmsTransitions"/>; only <see cref="SmsOutbox"/> moves a message.
/// </summary>
public enum OutboundSmsStatus
{
    Queued = 0,
    Sending = 1,
    Sent = 2,
    Delivered = 3,
    Undelivered = 4,
    Failed = 5,
    Expired = 6,

    /// <summary>A budget of the fraud guard was spent: kept, unsent, until an administrator releases or discards it.</summary>
    Held = 7,

    /// <summary>Held, then discarded by an administrator: never sent.</summary>
    Discarded = 8,

    /// <summary>Refused before any send: the number's type (premium-rate, shared-cost...) is not for codes.</summary>
    Refused = 9,
}
