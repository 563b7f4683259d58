using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Bootstrap;

/// <summary>Turns a bootstrap application into the OpenIddict permissions and requirements it implies.</summary>
public static class ApplicationDescriptorMapper
{
    /// <summary>The application property naming the theme of its hosted pages.</summary>
    public const string ThemeProperty = "theme";

    /// <summary>Overwrites everything the bootstrap owns on <paramref name="descriptor"/>; the secret is left to the caller.</summary>
    public static void Apply(BootstrapApplication source, OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.ClientId = source.ClientId;
        descriptor.DisplayName = source.DisplayName ?? source.ClientId;
        descriptor.ClientType = source.Type == BootstrapVocabulary.Public ? ClientTypes.Public : ClientTypes.Confidential;
        descriptor.ConsentType = source.Consent == BootstrapVocabulary.ExplicitConsent ? ConsentTypes.Explicit : ConsentTypes.Implicit;

        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(source.RedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.UnionWith(source.PostLogoutRedirectUris.Select(uri => new Uri(uri, UriKind.Absolute)));

        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith(PermissionsOf(source));

        descriptor.Properties.Remove(ThemeProperty);
        if (!string.IsNullOrWhiteSpace(source.Theme))
        {
            descriptor.Properties[ThemeProperty] = System.Text.Json.JsonSerializer.SerializeToElement(source.Theme);
        }

        descriptor.Requirements.Clear();
        if (source.Type == BootstrapVocabulary.Public && source.GrantTypes.Contains(BootstrapVocabulary.AuthorizationCode))
        {
            // A public client cannot authenticate at the token endpoint: PKCE is what binds the code to it.
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
    }

    private static IEnumerable<string> PermissionsOf(BootstrapApplication source)
    {
        yield return Permissions.Endpoints.Token;
        yield return Permissions.Endpoints.Revocation;

        if (source.Type == BootstrapVocabulary.Confidential)
        {
            yield return Permissions.Endpoints.Introspection;
        }

        if (source.GrantTypes.Contains(BootstrapVocabulary.AuthorizationCode))
        {
            yield return Permissions.Endpoints.Authorization;
            yield return Permissions.Endpoints.EndSession;
            yield return Permissions.ResponseTypes.Code;
        }

        foreach (var grantType in source.GrantTypes)
        {
            yield return Permissions.Prefixes.GrantType + grantType;
        }

        // openid and offline_access are governed by the flow and the refresh_token grant, not by scope permissions.
        foreach (var scope in source.Scopes.Where(scope => scope is not (Scopes.OpenId or Scopes.OfflineAccess)))
        {
            yield return Permissions.Prefixes.Scope + scope;
        }
    }
}
