namespace IdpSmsReset.Core.Events;

/// <summary>A subscription as the audit records it: never its secret, only whether it was replaced.</summary>
public sealed record WebhookSnapshot(string Name, string Url, string Events, bool IncludePersonalData, bool Enabled,
    bool SecretReplaced = false)
{
    public static WebhookSnapshot Of(WebhookSubscription subscription) => new(subscription.Name, subscription.Url, subscription.Events,
        subscription.IncludePersonalData, subscription.Enabled);
}
