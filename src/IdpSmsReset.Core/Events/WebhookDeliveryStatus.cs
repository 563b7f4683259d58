namespace IdpSmsReset.Core.Events;

public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: waiting its turn, its first attempt or a retry.</summary>
    Pending,

    Delivered,

    /// <summary>Every attempt failed, or the subscription went away: an administrator may send it again.</summary>
    Failed,
}
