using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// An application's metadata as RFC 7591 §2 names it: the body of a registration request, and with the
/// registration's own fields (§3.2.1, RFC 7592 §3) the body of every answer. Metadata this server does not keep
/// (<c>logo_uri</c>, <c>contacts</c>, ...) is accepted and left out of the answer, as §3.2.1 allows.
/// </summary>
public sealed class ClientMetadata
{
    [JsonPropertyName("client_id")]
    public string? ClientId { get; set; }

    [JsonPropertyName("client_secret")]
    public string? ClientSecret { get; set; }

    [JsonPropertyName("client_id_issued_at")]
    public long? ClientIdIssuedAt { get; set; }

    /// <summary>0: the secret does not expire.</summary>
    [JsonPropertyName("client_secret_expires_at")]
    public long? ClientSecretExpiresAt { get; set; }

    [JsonPropertyName("registration_access_token")]
    public string? RegistrationAccessToken { get; set; }

    [JsonPropertyName("registration_client_uri")]
    public string? RegistrationClientUri { get; set; }

    [JsonPropertyName("client_name")]
    public string? ClientName { get; set; }

    [JsonPropertyName("redirect_uris")]
    public List<string>? RedirectUris { get; set; }

    [JsonPropertyName("post_logout_redirect_uris")]
    public List<string>? PostLogoutRedirectUris { get; set; }

    [JsonPropertyName("token_endpoint_auth_method")]
    public string? TokenEndpointAuthMethod { get; set; }

    [JsonPropertyName("grant_types")]
    public List<string>? GrantTypes { get; set; }

    [JsonPropertyName("response_types")]
    public List<string>? ResponseTypes { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("jwks")]
    public JsonElement? Jwks { get; set; }

    [JsonPropertyName("jwks_uri")]
    public string? JwksUri { get; set; }

    [JsonPropertyName("backchannel_logout_uri")]
    public string? BackchannelLogoutUri { get; set; }

    [JsonPropertyName("backchannel_logout_session_required")]
    public bool? BackchannelLogoutSessionRequired { get; set; }

    [JsonPropertyName("application_type")]
    public string? ApplicationType { get; set; }
}
