using static IdpSmsReset.Core.Applications.ApplicationVocabulary;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// What a self-registered application may be (RFC 7591 §2, §3.2.2), turned into the <see cref="ApplicationDefinition"/>
/// the dashboard and the bootstrap save, so that <see cref="ApplicationRules"/> hold for it as for any other. Always
/// explicit consent: nobody vouched for a registered application, so a user must. In <c>open</c> mode only a public
/// application (PKCE required, as for every public one), redirect URIs on https or this machine's loopback, no
/// <c>client_credentials</c>; token exchange never (its audiences are an administrator's decision).
/// </summary>
public static class ClientMetadataRules
{
    public const string None = "none";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string PrivateKeyJwt = "private_key_jwt";

    public static readonly IReadOnlyList<string> AuthMethods = [None, ClientSecretBasic, ClientSecretPost, PrivateKeyJwt];

    private static readonly IReadOnlyList<string> RegistrableGrants = [AuthorizationCode, RefreshToken, ClientCredentials, DeviceCode];

    /// <summary>
    /// The application <paramref name="metadata"/> describes under <paramref name="clientId"/>, or why it cannot be.
    /// <paramref name="keySet"/> is the key set read from <c>jwks_uri</c>, when the caller fetched one.
    /// </summary>
    public static (ApplicationDefinition? Definition, RegistrationRefusal? Refusal) Check(ClientMetadata metadata, string clientId,
        bool open, string? keySet = null)
    {
        var method = MethodOf(metadata, open);
        var grants = metadata.GrantTypes is { Count: > 0 } listed ? listed.Distinct().ToList() : [AuthorizationCode];
        var responseTypes = metadata.ResponseTypes is { Count: > 0 } types ? types : [Code];
        var redirectUris = metadata.RedirectUris ?? [];

        if (Refuse(metadata, method, grants, responseTypes, open) is { } refusal)
        {
            return (null, refusal);
        }

        if (RedirectUriProblem(redirectUris, grants, open) is { } redirectProblem)
        {
            return (null, new RegistrationRefusal(RegistrationErrors.InvalidRedirectUri, redirectProblem));
        }

        var scopes = metadata.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList()
            ?? ["openid", "profile", "email", "phone", .. grants.Contains(RefreshToken) ? new[] { "offline_access" } : []];
        if (scopes.FirstOrDefault(AdministrationScopes.Contains) is { } administration)
        {
            return (null, Metadata($"The scope '{administration}' administers the server: only an administrator grants it."));
        }

        if (scopes.FirstOrDefault(scope => !Scopes.Contains(scope)) is { } unknown)
        {
            return (null, Metadata($"The scope '{unknown}' is not offered; use {Quote(Scopes)}."));
        }

        var definition = new ApplicationDefinition
        {
            ClientId = clientId,
            DisplayName = string.IsNullOrWhiteSpace(metadata.ClientName) ? clientId : metadata.ClientName.Trim(),
            Type = method == None ? Public : Confidential,
            Consent = ExplicitConsent,
            RedirectUris = [.. redirectUris],
            PostLogoutRedirectUris = [.. metadata.PostLogoutRedirectUris ?? []],
            GrantTypes = grants,
            Scopes = scopes,
            BackchannelLogoutUri = metadata.BackchannelLogoutUri,
            BackchannelLogoutSessionRequired = metadata.BackchannelLogoutSessionRequired ?? false,
            JsonWebKeySet = method == PrivateKeyJwt ? keySet ?? metadata.Jwks?.GetRawText() : null,
        };
        var problems = ApplicationRules.Validate(definition, requireSecret: false);
        return problems.Count > 0
            ? (null, Metadata(string.Join(" ", problems.Select(problem => $"{Name(problem.Field)} {problem.Problem}"))))
            : (definition, null);
    }

    /// <summary>
    /// How the application authenticates: what it asked, else RFC 7591 §2's <c>client_secret_basic</c>; open registration
    /// has no secrets to give, so <c>none</c> there.
    /// </summary>
    public static string MethodOf(ClientMetadata metadata, bool open) =>
        metadata.TokenEndpointAuthMethod ?? (open ? None : ClientSecretBasic);

    /// <summary>The metadata of a registered application, as the answers give it back (no secret, no token).</summary>
    public static ClientMetadata Describe(ApplicationDefinition definition, string authMethod) => new()
    {
        ClientId = definition.ClientId,
        ClientName = definition.DisplayName,
        RedirectUris = definition.RedirectUris,
        PostLogoutRedirectUris = definition.PostLogoutRedirectUris,
        TokenEndpointAuthMethod = authMethod,
        GrantTypes = definition.GrantTypes,
        ResponseTypes = definition.GrantTypes.Contains(AuthorizationCode) ? [Code] : [],
        Scope = string.Join(' ', definition.Scopes),
        Jwks = definition.JsonWebKeySet is { } keys ? System.Text.Json.JsonDocument.Parse(keys).RootElement.Clone() : null,
        BackchannelLogoutUri = definition.BackchannelLogoutUri,
        BackchannelLogoutSessionRequired = definition.BackchannelLogoutUri is null ? null : definition.BackchannelLogoutSessionRequired,
    };

    private const string Code = "code";

    private static RegistrationRefusal? Refuse(ClientMetadata metadata, string method, List<string> grants, List<string> responseTypes,
        bool open)
    {
        if (!AuthMethods.Contains(method))
        {
            return Metadata($"token_endpoint_auth_method '{method}' is not offered; use {Quote(AuthMethods)}.");
        }

        if (open && method != None)
        {
            return Metadata("Open registration is for public applications only: token_endpoint_auth_method must be 'none'. "
                + "A confidential application needs an initial access token from an administrator.");
        }

        if (grants.FirstOrDefault(grant => !RegistrableGrants.Contains(grant)) is { } grant)
        {
            return Metadata($"The grant type '{grant}' cannot be registered; use {Quote(RegistrableGrants)} "
                + "(token exchange is set up by an administrator; no password grant, no implicit flow).");
        }

        if (open && grants.Contains(ClientCredentials))
        {
            return Metadata("Open registration cannot have client_credentials: it acts for no user, so nobody would consent.");
        }

        if (responseTypes.Any(type => type != Code))
        {
            return Metadata("Only the response type 'code' is offered (no implicit or hybrid flow).");
        }

        if (metadata.ResponseTypes is { Count: > 0 } && grants.Contains(AuthorizationCode) != responseTypes.Contains(Code))
        {
            return Metadata("grant_types and response_types disagree: authorization_code goes with the response type 'code'.");
        }

        var hasKeys = metadata.Jwks is { ValueKind: not (System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined) };
        if (hasKeys && metadata.JwksUri is not null)
        {
            return Metadata("Give jwks or jwks_uri, not both.");
        }

        if (method == PrivateKeyJwt && !hasKeys && metadata.JwksUri is null)
        {
            return Metadata("private_key_jwt needs the application's public keys: jwks or jwks_uri.");
        }

        if (method != PrivateKeyJwt && (hasKeys || metadata.JwksUri is not null))
        {
            return Metadata("jwks and jwks_uri are for private_key_jwt only.");
        }

        return metadata.JwksUri is { } jwksUri
            && !(Uri.TryCreate(jwksUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            ? Metadata($"jwks_uri '{jwksUri}' must be an absolute https URI.")
            : null;
    }

    private static string? RedirectUriProblem(List<string> redirectUris, List<string> grants, bool open)
    {
        if (grants.Contains(AuthorizationCode) && redirectUris.Count == 0)
        {
            return "redirect_uris must list at least one URI for the authorization_code grant.";
        }

        foreach (var value in redirectUris)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                return $"'{value}' is not an absolute URI.";
            }

            if (!string.IsNullOrEmpty(uri.Fragment) || value.Contains('#'))
            {
                return $"'{value}' must not contain a fragment (#...).";
            }

            var https = uri.Scheme == Uri.UriSchemeHttps;
            var loopback = uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
            // RFC 8252 §7.1: a native application's private-use scheme is a reversed domain name (com.example.app).
            var privateUse = uri.Scheme.Contains('.');
            if (!(https || loopback || (privateUse && !open)))
            {
                return open
                    ? $"'{value}' must be an https URI, or http on this machine's loopback (127.0.0.1, [::1], localhost)."
                    : $"'{value}' must be an https URI, http on the loopback, or a private-use scheme (com.example.app:/callback).";
            }
        }

        return null;
    }

    private static RegistrationRefusal Metadata(string description) => new(RegistrationErrors.InvalidClientMetadata, description);

    // The definition's field names as RFC 7591 names the metadata.
    private static string Name(string field) => field switch
    {
        _ when field.StartsWith("redirectUris", StringComparison.Ordinal) => "redirect_uris",
        _ when field.StartsWith("postLogoutRedirectUris", StringComparison.Ordinal) => "post_logout_redirect_uris",
        "backchannelLogoutUri" => "backchannel_logout_uri",
        "jsonWebKeySet" => "jwks",
        "displayName" => "client_name",
        _ when field.StartsWith("grantTypes", StringComparison.Ordinal) => "grant_types",
        _ when field.StartsWith("scopes", StringComparison.Ordinal) => "scope",
        _ => field,
    };
}

/// <summary>Why a registration or its change was refused: an RFC 7591 error code and a description in plain ASCII English.</summary>
public sealed record RegistrationRefusal(string Error, string Description);
