using Duende.IdentityModel.Client;
using Duende.IdentityModel.OidcClient;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>Relying applications built on a real OIDC client library, talking to the in-memory server.</summary>
public static class OidcClients
{
    public static OidcClient Create(IdpFactory factory, UserAgent agent, string clientId, string? clientSecret = null,
        string scope = "openid profile email phone offline_access") =>
        new(new OidcClientOptions
        {
            Authority = IdpFactory.Origin,
            ClientId = clientId,
            ClientSecret = clientSecret,
            RedirectUri = TestBootstrap.RedirectUri,
            PostLogoutRedirectUri = TestBootstrap.PostLogoutRedirectUri,
            Scope = scope,
            Browser = agent,
            BackchannelHandler = factory.Server.CreateHandler(),
            IdentityTokenValidator = new JwksIdentityTokenValidator(),
            LoadProfile = true,
            DisablePushedAuthorization = true,
            Policy = new Policy { Discovery = new DiscoveryPolicy { RequireHttps = false } },
        });

    /// <summary>A plain OAuth client for the requests the tests build by hand (token, introspection, revocation).</summary>
    public static HttpClient Backchannel(IdpFactory factory)
        => new(factory.Server.CreateHandler()) { BaseAddress = new Uri(IdpFactory.Origin) };
}
