using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Events;

/// <summary>Events and webhooks: event ids 8000–8099. A URL's path and query may carry a token: only its host is logged.</summary>
internal static partial class Log
{
    // Neither the details nor the address: those stay in the audit log, behind the dashboard's access.
    [LoggerMessage(8000, LogLevel.Information, "Event {Type} ({Outcome}) {EventId}: actor {Actor}, subject {SubjectUserId}")]
    public static partial void EventRaised(this ILogger logger, string type, string outcome, Guid eventId, string actor,
        string? subjectUserId);

    [LoggerMessage(8001, LogLevel.Information, "Webhook {MessageId} ({EventType}) delivered to {Host} at attempt {Attempt}")]
    public static partial void WebhookDelivered(this ILogger logger, Guid messageId, string eventType, string host, int attempt);

    [LoggerMessage(8002, LogLevel.Warning, "Webhook {MessageId} ({EventType}) to {Host} failed at attempt {Attempt}: {Error}; " +
        "trying again in {Delay}")]
    public static partial void WebhookRetrying(this ILogger logger, Guid messageId, string eventType, string host, int attempt,
        string error, TimeSpan delay);

    [LoggerMessage(8003, LogLevel.Warning, "Webhook {MessageId} ({EventType}) to {Host} given up after {Attempt} attempts: {Error}")]
    public static partial void WebhookGivenUp(this ILogger logger, Guid messageId, string eventType, string host, int attempt,
        string error);

    [LoggerMessage(8004, LogLevel.Warning, "Webhook subscription {Name} turned off: its receiver has failed every attempt since " +
        "{FailingSince:u}")]
    public static partial void WebhookSubscriptionDisabled(this ILogger logger, string name, DateTime failingSince);

    [LoggerMessage(8006, LogLevel.Warning, "Webhook deliveries committed but not handed to jobs ({Error}): the sweeper sends them")]
    public static partial void WebhookJobsNotEnqueued(this ILogger logger, string error);

    [LoggerMessage(8005, LogLevel.Information, "Webhook {MessageId} not sent: {Reason}")]
    public static partial void WebhookDropped(this ILogger logger, Guid messageId, string reason);
}
