using System.Security.Claims;
using Duende.IdentityModel.Client;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>
/// Duende.IdentityModel.OidcClient 7 (native and desktop applications) and Duende.IdentityModel (services), unmodified,
/// against the server as its own process: nothing in between but HTTP.
/// </summary>
public abstract class DuendeOidcClientTests(InteropServer server)
{
    [SkippableFact]
    public async Task NativeApplication_LoopbackRedirect_SignsInRefreshesReadsUserInfoAndSignsOut()
    {
        server.RequireRunning();
        using var browser = server.CreateBrowser();
        var person = new InteropPerson(browser, InteropServer.UserName, InteropServer.Password);
        var client = new OidcClient(new OidcClientOptions
        {
            Authority = server.Issuer,
            ClientId = InteropServer.SpaClientId,
            RedirectUri = InteropServer.RedirectUri,
            PostLogoutRedirectUri = InteropServer.PostLogoutRedirectUri,
            Scope = "openid profile offline_access",
            Browser = new PersonAsBrowser(person),
            IdentityTokenValidator = new JwksIdentityTokenValidator(),
            Policy = new Policy { Discovery = new DiscoveryPolicy { RequireHttps = false } },
        });

        var signedIn = await client.LoginAsync();
        var refreshed = await client.RefreshTokenAsync(signedIn.RefreshToken);
        var userInfo = await client.GetUserInfoAsync(refreshed.AccessToken);
        var signedOut = await client.LogoutAsync(new LogoutRequest { IdTokenHint = signedIn.IdentityToken });
        var reuse = await client.RefreshTokenAsync(signedIn.RefreshToken);

        Assert.False(signedIn.IsError, signedIn.Error);
        Assert.Equal(InteropServer.UserName, signedIn.User.FindFirst("preferred_username")?.Value);
        Assert.Equal("pwd", signedIn.User.FindFirst("acr")?.Value);
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(signedIn.RefreshToken, refreshed.RefreshToken);
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal(InteropServer.UserName, userInfo.Claims.Single(claim => claim.Type == "preferred_username").Value);
        Assert.False(signedOut.IsError, signedOut.Error);
        Assert.True(reuse.IsError);
    }

    [SkippableFact]
    public async Task Service_PrivateKeyJwt_AssertionAsDuendesDocumentationBuildsIt_TokenIssued()
    {
        server.RequireRunning();
        using var http = new HttpClient();
        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = server.Issuer, Policy = new DiscoveryPolicy { RequireHttps = false },
        });
        var now = DateTime.UtcNow;
        var assertion = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = InteropServer.SignedServiceId,
            Audience = discovery.Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", InteropServer.SignedServiceId), new Claim("jti", Guid.NewGuid().ToString())]),
            IssuedAt = now,
            Expires = now.AddMinutes(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(server.Key) { KeyId = InteropServer.KeyId },
                SecurityAlgorithms.RsaSha256),
        });

        var token = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = discovery.TokenEndpoint, ClientId = InteropServer.SignedServiceId, Scope = "profile",
            ClientAssertion = new ClientAssertion { Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", Value = assertion },
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
        });

        Assert.False(token.IsError, token.Error + " " + token.ErrorDescription);
        Assert.Equal(InteropServer.SignedServiceId, new JsonWebToken(token.AccessToken).GetClaim("client_id").Value);
    }

    /// <summary>OidcClient's browser: the person at it, who signs in and comes back to the application's address.</summary>
    private sealed class PersonAsBrowser(InteropPerson person) : IBrowser
    {
        public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default) =>
            new() { ResultType = BrowserResultType.Success, Response = await person.BrowseAsync(options.StartUrl) };
    }
}

public sealed class DuendeOidcClientTestsOnSqlite(SqliteInteropServer server) : DuendeOidcClientTests(server),
    IClassFixture<SqliteInteropServer>;

public sealed class DuendeOidcClientTestsOnPostgreSql(PostgreSqlInteropServer server) : DuendeOidcClientTests(server),
    IClassFixture<PostgreSqlInteropServer>;
