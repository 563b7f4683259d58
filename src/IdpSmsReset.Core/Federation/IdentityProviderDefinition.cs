namespace IdpSmsReset.Core.Federation;

/// <summary>
/// An identity provider as the bootstrap file, the management API and the dashboard give it. A null
/// <see cref="ClientSecret"/> on a change keeps the stored one.
/// </summary>
public sealed class IdentityProviderDefinition
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? DisplayName { get; set; }

    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public List<string>? Scopes { get; set; }

    public IdentityProviderClaimMapping? Claims { get; set; }

    public List<string>? EmailDomains { get; set; }

    public string? Provisioning { get; set; }

    /// <summary>The name of the security policy new users get; absent: the default policy.</summary>
    public string? Policy { get; set; }

    public bool TrustUpstreamMfa { get; set; }

    public bool Enabled { get; set; } = true;
}
