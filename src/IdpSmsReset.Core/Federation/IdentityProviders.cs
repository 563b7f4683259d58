using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using static IdpSmsReset.Core.Federation.IdentityProviderVocabulary;

namespace IdpSmsReset.Core.Federation;

/// <summary>
/// The one owner of the identity providers' definitions: the bootstrap, the dashboard and the management API all save
/// through <see cref="SaveAsync"/>, which validates (<see cref="IdentityProviderRules"/>), encrypts the secret, writes
/// the audit row and tells every instance's cache, in one unit of work.
/// </summary>
public sealed class IdentityProviders(
    IdpDbContext database, IdentityProviderProtection protection, UpstreamIssuerRule issuerRule,
    AdminChangeLog log, TimeProvider time)
{
    public Task<List<IdentityProvider>> ListAsync(CancellationToken cancellationToken) =>
        database.Set<IdentityProvider>().AsNoTracking().OrderBy(provider => provider.Name).ToListAsync(cancellationToken);

    public Task<IdentityProvider?> FindAsync(string name, CancellationToken cancellationToken) =>
        database.Set<IdentityProvider>().AsNoTracking().SingleOrDefaultAsync(provider => provider.Name == name, cancellationToken);

    /// <summary>The provider as its definition is written (the bootstrap file's words), without its secret.</summary>
    public async Task<IdentityProviderDefinition> DefinitionOfAsync(IdentityProvider provider, CancellationToken cancellationToken) => new()
    {
        Name = provider.Name, Type = provider.Type, DisplayName = provider.DisplayName, Issuer = provider.Issuer,
        ClientId = provider.ClientId, Scopes = [.. provider.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        Claims = new IdentityProviderClaimMapping
        {
            UserName = provider.UserNameClaim, Email = provider.EmailClaim, DisplayName = provider.DisplayNameClaim,
            Phone = provider.PhoneClaim,
        },
        EmailDomains = [.. provider.EmailDomains.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
        Provisioning = provider.Provisioning,
        Policy = provider.SecurityPolicyId is { } id
            ? await database.Set<SecurityPolicy>().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            : null,
        TrustUpstreamMfa = provider.TrustUpstreamMfa, Enabled = provider.Enabled,
    };

    /// <summary>The client secret in clear, for the request to the upstream's token endpoint only.</summary>
    public string? ClientSecretOf(IdentityProvider provider) =>
        provider.ProtectedClientSecret is { } stored ? protection.ClientSecret.Unprotect(stored) : null;

    /// <summary>Creates the provider named in <paramref name="definition"/>, or overwrites every setting of the one by that
    /// name (the name is its stable id). A definition without a secret keeps the stored one.</summary>
    public Task<CommandResult> SaveAsync(IdentityProviderDefinition definition, Administrator who, CancellationToken cancellationToken)
    {
        // Before the transaction: the first secret ever protected creates a Data Protection key, which is written to this
        // database on a connection of its own, and SQLite's one writer would be this transaction.
        var protectedSecret = string.IsNullOrEmpty(definition.ClientSecret) ? null
            : protection.ClientSecret.Protect(definition.ClientSecret);
        return database.InTransactionAsync(async () =>
        {
            var name = definition.Name?.Trim() ?? "";
            var provider = await database.Set<IdentityProvider>().SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
            var problems = IdentityProviderRules.Validate(definition, provider?.ProtectedClientSecret is not null,
                issuerRule.AllowLoopbackHttp).ToList();
            SecurityPolicy? policy = null;
            if (!string.IsNullOrWhiteSpace(definition.Policy))
            {
                policy = await database.Set<SecurityPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Name == definition.Policy,
                    cancellationToken);
                if (policy is null)
                {
                    problems.Add(new("policy", $"There is no security policy named '{definition.Policy}'."));
                }
            }

            if (problems.Count > 0)
            {
                return CommandResult.Refused(problems);
            }

            var before = provider is null ? null : IdentityProviderSnapshot.Of(provider);
            var now = time.GetUtcNow().UtcDateTime;
            if (provider is null)
            {
                provider = new IdentityProvider { Name = name, CreatedAt = now };
                database.Add(provider);
            }

            // Compared in clear, so that the same bootstrap file applied at every start changes nothing.
            var secretReplaced = !string.IsNullOrEmpty(definition.ClientSecret) && definition.ClientSecret != ClientSecretOf(provider);
            Apply(definition, policy, provider);
            if (secretReplaced)
            {
                provider.ProtectedClientSecret = protectedSecret;
            }

            var after = IdentityProviderSnapshot.Of(provider) with { ClientSecretReplaced = secretReplaced };
            if (before == after)
            {
                return CommandResult.Done(provider.Id.ToString());
            }

            provider.ChangedAt = now;

            await database.SaveChangesAsync(cancellationToken);
            await log.WriteAsync(who, before is null ? AdminEventTypes.IdentityProviderCreated : AdminEventTypes.IdentityProviderChanged,
                null, before, after, cancellationToken);
            return CommandResult.Done(provider.Id.ToString());
        }, result => result.Succeeded, cancellationToken);
    }

    private static void Apply(IdentityProviderDefinition definition, SecurityPolicy? policy, IdentityProvider provider)
    {
        provider.Type = definition.Type!;
        provider.DisplayName = definition.DisplayName!.Trim();
        provider.Issuer = string.IsNullOrEmpty(definition.Issuer) ? null : definition.Issuer;
        provider.ClientId = definition.ClientId!.Trim();
        provider.Scopes = definition.Scopes is { } scopes ? string.Join(' ', scopes.Distinct(StringComparer.Ordinal)) : DefaultScopes;
        provider.UserNameClaim = definition.Claims?.UserName ?? DefaultUserNameClaim;
        provider.EmailClaim = definition.Claims?.Email ?? DefaultEmailClaim;
        provider.DisplayNameClaim = definition.Claims?.DisplayName ?? DefaultDisplayNameClaim;
        provider.PhoneClaim = definition.Claims?.Phone ?? DefaultPhoneClaim;
        provider.EmailDomains = string.Join(' ', (definition.EmailDomains ?? []).Select(domain => domain.ToLowerInvariant()).Distinct());
        provider.Provisioning = definition.Provisioning ?? Automatic;
        provider.SecurityPolicyId = policy?.Id;
        provider.TrustUpstreamMfa = definition.TrustUpstreamMfa;
        provider.Enabled = definition.Enabled;
    }
}

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

/// <summary>Whether an upstream issuer may be plain <c>http</c> on a loopback address: in Development only (a test's
/// upstream on this machine), set by the host from its environment, never from a setting.</summary>
public sealed record UpstreamIssuerRule(bool AllowLoopbackHttp);
