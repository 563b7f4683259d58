using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

internal sealed class IdentityProviderConfiguration : IEntityTypeConfiguration<IdentityProvider>
{
    public void Configure(EntityTypeBuilder<IdentityProvider> entity)
    {
        entity.ToTable("IdentityProviders");
        entity.HasKey(provider => provider.Id);
        entity.HasIndex(provider => provider.Name).IsUnique();
        entity.Property(provider => provider.Name).HasMaxLength(IdentityProviderVocabulary.MaxNameLength);
        entity.Property(provider => provider.Type).HasMaxLength(16);
        entity.Property(provider => provider.DisplayName).HasMaxLength(IdentityProviderVocabulary.MaxDisplayNameLength);
        entity.Property(provider => provider.Issuer).HasMaxLength(2048);
        entity.Property(provider => provider.ClientId).HasMaxLength(256);
        entity.Property(provider => provider.ProtectedClientSecret).HasMaxLength(4096);
        entity.Property(provider => provider.Scopes).HasMaxLength(1024);
        entity.Property(provider => provider.UserNameClaim).HasMaxLength(100);
        entity.Property(provider => provider.EmailClaim).HasMaxLength(100);
        entity.Property(provider => provider.DisplayNameClaim).HasMaxLength(100);
        entity.Property(provider => provider.PhoneClaim).HasMaxLength(100);
        entity.Property(provider => provider.EmailDomains).HasMaxLength(4096);
        entity.Property(provider => provider.Provisioning).HasMaxLength(16);
    }
}
