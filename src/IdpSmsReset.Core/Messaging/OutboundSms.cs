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
