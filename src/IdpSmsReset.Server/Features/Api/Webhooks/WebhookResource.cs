using IdpSmsReset.Core.Events;

namespace IdpSmsReset.Server.Features.Api.Webhooks;

/// <summary>A subscription as the API shows it: never its secret, except <see cref="Secret"/> on the answer that made one.</summary>
public sealed record WebhookResource(Guid Id, string Name, string Url, IReadOnlyList<string> Events, bool IncludePersonalData,
    bool Enabled, DateTime? FailingSince, string? DisabledReason, string? Secret = null)
{
    public static WebhookResource Of(WebhookSubscription subscription, string? newSecret = null) => new(subscription.Id,
        subscription.Name, subscription.Url, EventFilter.Split(subscription.Events), subscription.IncludePersonalData, subscription.Enabled,
        subscription.FailingSince, subscription.DisabledReason, newSecret);
}
