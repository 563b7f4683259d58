namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp:ClientAssertions</c> section: how <c>private_key_jwt</c> assertions (RFC 7523) are checked.</summary>
public sealed class ClientAssertionSettings
{
    /// <summary>
    /// <c>Idp:ClientAssertions:AcceptTokenEndpointAudience</c>: whether an assertion whose <c>aud</c> is the token
    /// endpoint's address (<c>https://id.example.com/connect/token</c>) is accepted beside one whose <c>aud</c> is the
    /// issuer. Default false: an audience naming an endpoint lets a server that merely points its own metadata at ours
    /// obtain assertions it can replay here (CVE-2025-27370, the OpenID Foundation's 2025 advisory on private_key_jwt),
    /// while the issuer names this server alone. Turn it on only for an older client that cannot send the issuer.
    /// </summary>
    public bool AcceptTokenEndpointAudience { get; set; }
}
