using System.Globalization;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// Turns an application definition into the OpenIddict permissions and requirements it implies, and a stored
/// application back into its definition (for the dashboard's form): one mapping, both ways.
/// </summary>
public static class ApplicationDescriptorMapper
{
    /// <summary>The application property naming the theme of its hosted pages.</summary>
    public const string ThemeProperty = "theme";

    /// <summary>The application properties of OpenID Connect Back-Channel Logout, named as its registration metadata.</summary>
    public const string BackchannelLogoutUriProperty = "backchannel_logout_uri";

    public const string BackchannelLogoutSessionRequiredProperty = "backchannel_logout_session_required";

    /// <summary>The application property saying its refresh tokens expire absolutely (absent: sliding).</summary>
    public const string RefreshTokenExpiryProperty = "refresh_token_expiry";

    /// <summary>Overwrites everything the bootstrap owns on <paramref name="descriptor"/>; the secret is left to the caller.</summary>
    public static void Apply(ApplicationDefinition source, OpenIddictApplicationDescriptor descriptor)
    {
        descriptor.ClientId = source.ClientId;
        descriptor.DisplayName = source.DisplayName ?? source.ClientId;
        descriptor.ClientType = source.Type == ApplicationVocabulary.Public ? ClientTypes.Public : ClientTypes.Confidential;
        descriptor.ConsentType = source.Consent == ApplicationVocabulary.ExplicitConsent ? ConsentTypes.Explicit : ConsentTypes.Implicit;

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

        descriptor.Properties.Remove(BackchannelLogoutUriProperty);
        descriptor.Properties.Remove(BackchannelLogoutSessionRequiredProperty);
        if (!string.IsNullOrWhiteSpace(source.BackchannelLogoutUri))
        {
            descriptor.Properties[BackchannelLogoutUriProperty] = JsonSerializer.SerializeToElement(source.BackchannelLogoutUri);
            descriptor.Properties[BackchannelLogoutSessionRequiredProperty] =
                JsonSerializer.SerializeToElement(source.BackchannelLogoutSessionRequired);
        }

        // OpenIddict reads an application's token lifetimes from its settings itself.
        foreach (var lifetime in TokenLifetimes.All)
        {
            descriptor.Settings.Remove(lifetime.Setting);
            if (lifetime.Of(source) is { } value)
            {
                descriptor.Settings[lifetime.Setting] = value.ToString("c", CultureInfo.InvariantCulture);
            }
        }

        descriptor.Properties.Remove(RefreshTokenExpiryProperty);
        if (source.RefreshTokenExpiry == ApplicationVocabulary.AbsoluteExpiry)
        {
            descriptor.Properties[RefreshTokenExpiryProperty] = JsonSerializer.SerializeToElement(ApplicationVocabulary.AbsoluteExpiry);
        }

        descriptor.JsonWebKeySet = string.IsNullOrWhiteSpace(source.JsonWebKeySet) ? null : ClientKeys.Parse(source.JsonWebKeySet);

        descriptor.Requirements.Clear();
        if (source.Type == ApplicationVocabulary.Public && source.GrantTypes.Contains(ApplicationVocabulary.AuthorizationCode))
        {
            // A public client cannot authenticate at the token endpoint: PKCE is what binds the code to it.
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (source.RequirePushedAuthorizationRequests)
        {
            descriptor.Requirements.Add(Requirements.Features.PushedAuthorizationRequests);
        }
    }

    /// <summary>The definition <paramref name="descriptor"/> was made from (the secret is never read back).</summary>
    public static ApplicationDefinition ToDefinition(OpenIddictApplicationDescriptor descriptor)
    {
        var grants = descriptor.Permissions.Where(p => p.StartsWith(Permissions.Prefixes.GrantType, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.GrantType.Length..]).ToList();
        var scopes = descriptor.Permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        // openid and offline_access are not stored as permissions (see PermissionsOf): they follow the grants.
        if (grants.Contains(ApplicationVocabulary.AuthorizationCode))
        {
            scopes.Insert(0, Scopes.OpenId);
        }

        if (grants.Contains(ApplicationVocabulary.RefreshToken))
        {
            scopes.Add(Scopes.OfflineAccess);
        }

        var logout = BackchannelLogoutOf(descriptor.Properties);
        return new ApplicationDefinition
        {
            ClientId = descriptor.ClientId,
            DisplayName = descriptor.DisplayName,
            Type = TypeOf(descriptor),
            Consent = descriptor.ConsentType == ConsentTypes.Explicit ? ApplicationVocabulary.ExplicitConsent
                : ApplicationVocabulary.ImplicitConsent,
            RedirectUris = [.. descriptor.RedirectUris.Select(uri => uri.ToString())],
            PostLogoutRedirectUris = [.. descriptor.PostLogoutRedirectUris.Select(uri => uri.ToString())],
            GrantTypes = grants,
            Scopes = scopes,
            Theme = descriptor.Properties.TryGetValue(ThemeProperty,
                out var theme) && theme.ValueKind == System.Text.Json.JsonValueKind.String
                ? theme.GetString()
                : null,
            BackchannelLogoutUri = logout.Uri,
            BackchannelLogoutSessionRequired = logout.SessionRequired,
            AccessTokenLifetime = LifetimeOf(descriptor, TokenLifetimes.AccessToken),
            IdentityTokenLifetime = LifetimeOf(descriptor, TokenLifetimes.IdentityToken),
            RefreshTokenLifetime = LifetimeOf(descriptor, TokenLifetimes.RefreshToken),
            RefreshTokenExpiry = HasAbsoluteRefreshExpiry(descriptor.Properties) ? ApplicationVocabulary.AbsoluteExpiry : null,
            RequirePushedAuthorizationRequests = descriptor.Requirements.Contains(Requirements.Features.PushedAuthorizationRequests),
            JsonWebKeySet = descriptor.JsonWebKeySet is { } keys ? ClientKeys.TextOf(keys) : null,
            TokenExchangeAudiences = [.. descriptor.Permissions
                .Where(p => p.StartsWith(Permissions.Prefixes.Audience, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Audience.Length..])],
        };
    }

    /// <summary>Whether an application's refresh token chains end when their first token would have.</summary>
    public static bool HasAbsoluteRefreshExpiry(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(RefreshTokenExpiryProperty, out var expiry) && expiry.ValueKind == JsonValueKind.String
        && expiry.GetString() == ApplicationVocabulary.AbsoluteExpiry;

    private static TimeSpan? LifetimeOf(OpenIddictApplicationDescriptor descriptor, TokenLifetime lifetime) =>
        descriptor.Settings.TryGetValue(lifetime.Setting, out var value)
        && TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var stored) ? stored : null;

    /// <summary>The back-channel logout an application's properties ask for (no URI: none).</summary>
    public static (string? Uri, bool SessionRequired) BackchannelLogoutOf(IReadOnlyDictionary<string, JsonElement> properties) => (
        properties.TryGetValue(BackchannelLogoutUriProperty, out var uri) && uri.ValueKind == JsonValueKind.String ? uri.GetString() : null,
        properties.TryGetValue(BackchannelLogoutSessionRequiredProperty, out var required) && required.ValueKind == JsonValueKind.True);

    /// <summary>The application's type in the definition's words.</summary>
    public static string TypeOf(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.ClientType == ClientTypes.Public ? ApplicationVocabulary.Public : ApplicationVocabulary.Confidential;

    private static IEnumerable<string> PermissionsOf(ApplicationDefinition source)
    {
        yield return Permissions.Endpoints.Token;
        yield return Permissions.Endpoints.Revocation;

        if (source.Type == ApplicationVocabulary.Confidential)
        {
            yield return Permissions.Endpoints.Introspection;
        }

        if (source.GrantTypes.Contains(ApplicationVocabulary.AuthorizationCode))
        {
            yield return Permissions.Endpoints.Authorization;
            yield return Permissions.Endpoints.PushedAuthorization;
            yield return Permissions.Endpoints.EndSession;
            yield return Permissions.ResponseTypes.Code;
        }

        if (source.GrantTypes.Contains(ApplicationVocabulary.DeviceCode))
        {
            yield return Permissions.Endpoints.DeviceAuthorization;
        }

        foreach (var grantType in source.GrantTypes)
        {
            yield return Permissions.Prefixes.GrantType + grantType;
        }

        foreach (var audience in source.TokenExchangeAudiences)
        {
            yield return Permissions.Prefixes.Audience + audience;
        }

        // openid and offline_access are governed by the flow and the refresh_token grant, not by scope permissions.
        foreach (var scope in source.Scopes.Where(scope => scope is not (Scopes.OpenId or Scopes.OfflineAccess)))
        {
            yield return Permissions.Prefixes.Scope + scope;
        }
    }
}
