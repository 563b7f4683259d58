using IdpSmsReset.Core.Events;

namespace IdpSmsReset.Server.Features.Api.Webhooks;

/// <summary>One delivery: its <c>webhook-id</c>, status, attempts and how the last one went.</summary>
public sealed record WebhookDeliveryResource(long Id, string WebhookId, string EventType, string Status, int Attempts,
    DateTime CreatedAt, DateTime? CompletedAt, int? LastStatusCode, string? LastError)
{
    public static WebhookDeliveryResource Of(WebhookDelivery delivery) => new(delivery.Id, $"msg_{delivery.MessageId:N}",
        delivery.EventType, delivery.Status.ToString().ToLowerInvariant(), delivery.Attempts, delivery.CreatedAt, delivery.CompletedAt,
        delivery.LastStatusCode, delivery.LastError);
}
