namespace IdpSmsReset.Core.Applications;

/// <summary>
/// An OIDC application as the bootstrap file and the dashboard describe it, in the words of
/// <see cref="ApplicationVocabulary"/>; <see cref="ApplicationDescriptorMapper"/> turns it into OpenIddict's terms and back.
/// </summary>
public sealed class ApplicationDefinition
{
    public string? ClientId { get; init; }

    /// <summary>Set when the application is created only, so that a secret rotated later is not reverted at restart.</summary>
    public string? ClientSecret { get; init; }

    public string? DisplayName { get; init; }

    /// <summary><c>confidential</c> or <c>public</c>.</summary>
    public string? Type { get; init; }

    /// <summary><c>implicit</c> (default) or <c>explicit</c>.</summary>
    public string? Consent { get; init; }

    public List<string> RedirectUris { get; init; } = [];

    public List<string> PostLogoutRedirectUris { get; init; } = [];

    public List<string> GrantTypes { get; init; } = [];

    public List<string> Scopes { get; init; } = [];

    /// <summary>
    /// Where a Logout Token is posted when a session that obtained this application's tokens ends (OpenID Connect
    /// Back-Channel Logout); none: the application is not told.
    /// </summary>
    public string? BackchannelLogoutUri { get; init; }

    /// <summary>The application needs <c>sid</c> in the Logout Token (it always gets it here).</summary>
    public bool BackchannelLogoutSessionRequired { get; init; }

    /// <summary>The theme of the hosted pages when signing in to this application; none: the configured default.</summary>
    public string? Theme { get; init; }

    /// <summary>How long this application's access tokens live; none: the server's (1 hour).</summary>
    /// <remarks>The bounds of each lifetime: <see cref="TokenLifetimes"/>.</remarks>
    public TimeSpan? AccessTokenLifetime { get; init; }

    /// <summary>How long its ID tokens are valid for; none: the server's (20 minutes).</summary>
    public TimeSpan? IdentityTokenLifetime { get; init; }

    /// <summary>How long its refresh tokens live; none: the server's (14 days).</summary>
    public TimeSpan? RefreshTokenLifetime { get; init; }

    /// <summary><c>sliding</c> (none: the default) or <c>absolute</c> (<see cref="ApplicationVocabulary.RefreshTokenExpiries"/>).</summary>
    public string? RefreshTokenExpiry { get; init; }

    /// <summary>Its authorization requests must be pushed first (RFC 9126); a plain one is refused.</summary>
    public bool RequirePushedAuthorizationRequests { get; init; }

    /// <summary>
    /// The public keys (a JSON Web Key Set) it signs client assertions with (<c>private_key_jwt</c>), instead of a
    /// secret; the bootstrap file may give it as an object or as a string.
    /// </summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(JsonTextConverter))]
    public string? JsonWebKeySet { get; init; }

    /// <summary>The audiences it may ask for tokens for by token exchange (RFC 8693's <c>audience</c>).</summary>
    public List<string> TokenExchangeAudiences { get; init; } = [];

    /// <summary>This definition under another client id and type: an existing application keeps its own.</summary>
    public ApplicationDefinition With(string clientId, string type) => new()
    {
        ClientId = clientId,
        ClientSecret = ClientSecret,
        DisplayName = DisplayName,
        Type = type,
        Consent = Consent,
        RedirectUris = RedirectUris,
        PostLogoutRedirectUris = PostLogoutRedirectUris,
        GrantTypes = GrantTypes,
        Scopes = Scopes,
        Theme = Theme,
        BackchannelLogoutUri = BackchannelLogoutUri,
        BackchannelLogoutSessionRequired = BackchannelLogoutSessionRequired,
        AccessTokenLifetime = AccessTokenLifetime,
        IdentityTokenLifetime = IdentityTokenLifetime,
        RefreshTokenLifetime = RefreshTokenLifetime,
        RefreshTokenExpiry = RefreshTokenExpiry,
        RequirePushedAuthorizationRequests = RequirePushedAuthorizationRequests,
        JsonWebKeySet = JsonWebKeySet,
        TokenExchangeAudiences = TokenExchangeAudiences,
    };
}
