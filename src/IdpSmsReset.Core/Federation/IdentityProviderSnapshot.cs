namespace IdpSmsReset.Core.Federation;

/// <summary>An identity provider as the audit log records it: every setting by value, the secret only as whether one is
/// set.</summary>
public sealed record IdentityProviderSnapshot(string Name, string Type, string DisplayName, string? Issuer, string ClientId,
    bool ClientSecretSet, string Scopes, string Claims, string EmailDomains, string Provisioning, Guid? SecurityPolicyId,
    bool TrustUpstreamMfa, bool Enabled)
{
    /// <summary>The change gave a new secret (which the log never shows).</summary>
    public bool ClientSecretReplaced { get; init; }

    public static IdentityProviderSnapshot Of(IdentityProvider provider) => new(provider.Name, provider.Type, provider.DisplayName,
        provider.Issuer, provider.ClientId, provider.ProtectedClientSecret is not null, provider.Scopes,
        $"{provider.UserNameClaim} {provider.EmailClaim} {provider.DisplayNameClaim} {provider.PhoneClaim}", provider.EmailDomains,
        provider.Provisioning, provider.SecurityPolicyId, provider.TrustUpstreamMfa, provider.Enabled);
}
