using IdpSmsReset.Core.Applications;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The declarative bootstrap file: what must exist after start-up. Nothing absent from it is deleted.</summary>
public sealed class BootstrapDocument
{
    public List<ApplicationDefinition> Applications { get; init; } = [];

    public List<BootstrapUser> Users { get; init; } = [];

    public List<BootstrapPolicy> Policies { get; init; } = [];

    /// <summary>The SMS factor's Twilio account; absent leaves the stored settings as they are.</summary>
    public BootstrapSmsFactor? SmsFactor { get; init; }

    /// <summary>The SMS fraud guard's budgets, surge factor and prices; absent leaves the stored settings as they are.</summary>
    public Messaging.FraudGuard.SmsFraudGuardDefinition? SmsFraudGuard { get; init; }

    /// <summary>Messages reworded per language; one not listed keeps what is stored (or the product's own words).</summary>
    public List<BootstrapSmsTemplate> SmsTemplates { get; init; } = [];

    /// <summary>Outside identity providers people may sign in through, by <c>name</c>; the secret is stored encrypted.</summary>
    public List<Federation.IdentityProviderDefinition> IdentityProviders { get; init; } = [];

    /// <summary>Receivers of events, by <c>name</c> (the URL when none is given); the secret is required here, as nothing
    /// would ever show one the server made.</summary>
    public List<Events.WebhookDefinition> Webhooks { get; init; } = [];
}
