namespace IdpSmsReset.Core.Applications;

/// <summary>The words an application is described in, in one place for the bootstrap file, its validator and the dashboard.</summary>
public static class ApplicationVocabulary
{
    public const string Confidential = "confidential";
    public const string Public = "public";

    public const string ImplicitConsent = "implicit";
    public const string ExplicitConsent = "explicit";

    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";

    /// <summary>RFC 8628: a device shows a code the user confirms in a browser elsewhere.</summary>
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>RFC 8693: a confidential service exchanges a user's access token for one meant for another audience.</summary>
    public const string TokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange";

    /// <summary>Each refresh gets the whole refresh token lifetime again (the default).</summary>
    public const string SlidingExpiry = "sliding";

    /// <summary>The refresh token chain ends when its first token would have: signing in again is then required.</summary>
    public const string AbsoluteExpiry = "absolute";

    public static readonly IReadOnlyList<string> RefreshTokenExpiries = [SlidingExpiry, AbsoluteExpiry];
    public static readonly IReadOnlyList<string> ApplicationTypes = [Confidential, Public];
    public static readonly IReadOnlyList<string> ConsentTypes = [ImplicitConsent, ExplicitConsent];
    public static readonly IReadOnlyList<string> GrantTypes =
        [AuthorizationCode, RefreshToken, ClientCredentials, DeviceCode, TokenExchange];
    /// <summary>The management API, read and write (<c>/api/v1</c>, client credentials only).</summary>
    public const string AdminScope = "idp:admin";

    /// <summary>The management API, reading only.</summary>
    public const string AdminReadScope = "idp:admin:read";

    /// <summary>SCIM 2.0 provisioning (<c>/scim/v2</c>, client credentials only).</summary>
    public const string ScimScope = "idp:scim";

    /// <summary>Scopes that administer the server: an administrator grants them, never a self-registered application.</summary>
    public static readonly IReadOnlyList<string> AdministrationScopes = [AdminScope, AdminReadScope, ScimScope];

    public static readonly IReadOnlyList<string> Scopes =
        ["openid", "profile", "email", "phone", "offline_access", AdminScope, AdminReadScope, ScimScope];

    /// <summary>The allowed words as a message lists them: 'a', 'b', 'c'.</summary>
    public static string Quote(IEnumerable<string> words) => string.Join(", ", words.Select(word => $"'{word}'"));
}
