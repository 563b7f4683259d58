using IdpSmsReset.Core.Events;

namespace IdpSmsReset.Server.Features.Admin.Webhooks;

/// <summary>
/// A subscription as the administrator edits it: the events as words separated by spaces. The secret is never shown
/// again; left blank, a new subscription gets one (shown once) and an existing one keeps its own.
/// </summary>
public sealed class WebhookForm
{
    public string? Name { get; set; }

    public string? Url { get; set; }

    public string? Events { get; set; }

    public string? Secret { get; set; }

    public bool IncludePersonalData { get; set; }

    public bool Enabled { get; set; } = true;

    public static WebhookForm From(WebhookSubscription subscription) => new()
    {
        Name = subscription.Name, Url = subscription.Url, Events = subscription.Events,
        IncludePersonalData = subscription.IncludePersonalData, Enabled = subscription.Enabled,
    };

    public WebhookDefinition ToDefinition() => new()
    {
        Name = Name, Url = Url, Events = [.. EventFilter.Split(Events)], Secret = Secret,
        IncludePersonalData = IncludePersonalData, Enabled = Enabled,
    };

    /// <summary>The form field a problem of Core's field names.</summary>
    public static string KeyOf(string field) => "Input." + char.ToUpperInvariant(field[0]) + field[1..];
}
