namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// Where a message is. Later states rank higher: a status update never moves a message back. Which status follows
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
}
