namespace IdpSmsReset.Core.Federation;

/// <summary>
/// An outside identity provider that people may sign in through: an OpenID Connect provider found by its issuer's
/// discovery document. Its client secret is stored encrypted
/// (<see cref="IdentityProviderProtection"/>) and never shown again.
/// </summary>
public sealed class IdentityProvider
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The stable id: in the redirect URI (<c>/connect/external/{name}/callback</c>), the <c>idp</c> claim and
    /// the user's link.</summary>
    public string Name { get; set; } = "";

    /// <summary>One of <see cref="IdentityProviderVocabulary.Types"/>.</summary>
    public string Type { get; set; } = IdentityProviderVocabulary.OpenIdConnect;

    public string DisplayName { get; set; } = "";

    /// <summary>The upstream's issuer; its discovery document is read from it.</summary>
    public string? Issuer { get; set; }

    public string ClientId { get; set; } = "";

    /// <summary>The client secret, encrypted; null for a provider that needs none.</summary>
    public string? ProtectedClientSecret { get; set; }

    /// <summary>Scopes asked of the upstream beyond <c>openid</c>, space-separated.</summary>
    public string Scopes { get; set; } = IdentityProviderVocabulary.DefaultScopes;

    public string UserNameClaim { get; set; } = IdentityProviderVocabulary.DefaultUserNameClaim;

    public string EmailClaim { get; set; } = IdentityProviderVocabulary.DefaultEmailClaim;

    public string DisplayNameClaim { get; set; } = IdentityProviderVocabulary.DefaultDisplayNameClaim;

    public string PhoneClaim { get; set; } = IdentityProviderVocabulary.DefaultPhoneClaim;

    /// <summary>Home-realm discovery: e-mail domains whose people go straight to this provider, space-separated.</summary>
    public string EmailDomains { get; set; } = "";

    /// <summary>One of <see cref="IdentityProviderVocabulary.ProvisioningModes"/>.</summary>
    public string Provisioning { get; set; } = IdentityProviderVocabulary.Automatic;

    /// <summary>The security policy a user created through this provider gets; null: the default policy.</summary>
    public Guid? SecurityPolicyId { get; set; }

    /// <summary>When the upstream's <c>amr</c>/<c>acr</c> proves a second factor, the policy's second factor is met.</summary>
    public bool TrustUpstreamMfa { get; set; }

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime ChangedAt { get; set; }
}
