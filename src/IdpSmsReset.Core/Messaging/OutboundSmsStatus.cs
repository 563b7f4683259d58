namespace IdpSmsReset.Core.Messaging;

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
