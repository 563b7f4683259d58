using System.Collections.Immutable;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using OpenIddict.Abstractions;
using OpenIddict.Client;

namespace IdpSmsReset.Server.Federation;

/// <summary>
/// OpenIddict's client registrations, read from the identity providers in the database instead of fixed at start: a
/// provider added, changed or disabled on the dashboard (on any instance) applies within <c>Idp:Cache:MaxAge</c>,
/// without a restart. Each registration is kept with its discovery document until its provider changes.
/// </summary>
internal sealed class UpstreamRegistrations(IServiceProvider provider, IServiceScopeFactory scopes, ChangeStamps stamps,
    IOptions<IdpOptions> idp) : OpenIddictClientService(provider)
{
    // Only enabled providers' registrations are kept: a made-up name, sent in a loop, cannot grow it.
    private readonly StampedLookup<string, OpenIddictClientRegistration?> _byName =
        new(stamps, StringComparer.Ordinal, ChangeAreas.IdentityProviders);

    public override async ValueTask<ImmutableArray<OpenIddictClientRegistration>> GetClientRegistrationsAsync(
        CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<IdentityProviders>().ListAsync(cancellationToken);
        var found = new List<OpenIddictClientRegistration>();
        foreach (var upstream in all.Where(upstream => upstream.Enabled))
        {
            if (await FindAsync(upstream.Name, cancellationToken) is { } registration)
            {
                found.Add(registration);
            }
        }

        return [.. found];
    }

    public override async ValueTask<OpenIddictClientRegistration> GetClientRegistrationByIdAsync(string identifier,
        CancellationToken cancellationToken = default) =>
        await FindAsync(identifier, cancellationToken) ?? throw NotFound(identifier);

    public override async ValueTask<OpenIddictClientRegistration> GetClientRegistrationByProviderNameAsync(string name,
        CancellationToken cancellationToken = default) =>
        await FindAsync(name, cancellationToken) ?? throw NotFound(name);

    public override async ValueTask<OpenIddictClientRegistration> GetClientRegistrationByIssuerAsync(Uri issuer,
        CancellationToken cancellationToken = default) =>
        (await GetClientRegistrationsAsync(cancellationToken)).FirstOrDefault(registration => registration.Issuer == issuer)
            ?? throw NotFound(issuer.AbsoluteUri);

    /// <summary>The enabled provider's registration, or null: a disabled provider stops new sign-ins at once.</summary>
    private async ValueTask<OpenIddictClientRegistration?> FindAsync(string name, CancellationToken cancellationToken) =>
        await _byName.GetAsync(name, async (key, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var providers = scope.ServiceProvider.GetRequiredService<IdentityProviders>();
            var upstream = await providers.FindAsync(key, token);
            return upstream is { Enabled: true, Issuer: not null } ? Build(upstream, providers.ClientSecretOf(upstream)) : null;
        }, registration => registration is not null, cancellationToken);

    private OpenIddictClientRegistration Build(IdentityProvider upstream, string? clientSecret)
    {
        var issuer = new Uri(upstream.Issuer!, UriKind.Absolute);
        var registration = new OpenIddictClientRegistration
        {
            RegistrationId = upstream.Name,
            ProviderName = upstream.Name,
            ProviderDisplayName = upstream.DisplayName,
            Issuer = issuer,
            ClientId = upstream.ClientId,
            ClientSecret = clientSecret,
            RedirectUri = IdentityProviderVocabulary.RedirectUriOf(idp.Value.IssuerUri, upstream.Name),
            ConfigurationEndpoint = new Uri(issuer.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration"),
        };
        registration.Scopes.Add(OpenIddictConstants.Scopes.OpenId);
        registration.Scopes.UnionWith(upstream.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        registration.ConfigurationManager = new ConfigurationManager<OpenIddictConfiguration>(
            registration.ConfigurationEndpoint.AbsoluteUri, new OpenIddictClientRetriever(this, registration))
        {
            AutomaticRefreshInterval = ConfigurationManager<OpenIddictConfiguration>.DefaultAutomaticRefreshInterval,
            RefreshInterval = ConfigurationManager<OpenIddictConfiguration>.DefaultRefreshInterval,
        };
        return registration;
    }

    private static InvalidOperationException NotFound(string what) =>
        new($"No enabled identity provider matches '{what}'.");
}
