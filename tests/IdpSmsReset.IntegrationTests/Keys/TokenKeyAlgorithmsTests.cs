using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.IntegrationTests.Keys;

/// <summary>
/// Idp:Keys:Algorithms with ES256: an ECDSA key is kept and published beside the RSA one and signs access tokens,
/// which the server itself still accepts; ID tokens stay RS256.
/// </summary>
public abstract class TokenKeyAlgorithmsTests
{
    private readonly IdpFactory _factory;

    protected TokenKeyAlgorithmsTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:Keys:Algorithms:0"] = "ES256";
    }

    [SkippableFact]
    public async Task Es256Added_AccessTokensEs256_IdTokensRs256_BothKeysPublished()
    {
        using var client = _factory.CreateClient();
        var keys = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks")).Keys;
        using var browser = _factory.CreateBrowser();
        using var backchannel = OidcClients.Backchannel(_factory);
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = (await AuthorizationRequests.SignInAsync(browser, AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge),
            "frank"))["code"];
        var tokens = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code, RedirectUri = TestBootstrap.RedirectUri,
            CodeVerifier = verifier,
        });
        var userInfo = await backchannel.GetUserInfoAsync(new UserInfoRequest
        {
            Address = "/connect/userinfo", Token = tokens.AccessToken,
        });

        Assert.False(tokens.IsError, tokens.Error);
        var accessToken = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("ES256", accessToken.Alg);
        Assert.Contains(keys, key => key.Kty == "EC" && key.Crv == "P-256" && key.Kid == accessToken.Kid);
        Assert.Equal("RS256", new JsonWebToken(tokens.IdentityToken).Alg);
        Assert.Contains(keys, key => key.Kty == "RSA" && key.Kid == new JsonWebToken(tokens.IdentityToken).Kid);
        Assert.False(userInfo.IsError, userInfo.Error);
    }
}

public sealed class TokenKeyAlgorithmsTestsOnSqlite(SqliteIdpFactory factory) : TokenKeyAlgorithmsTests(factory),
    IClassFixture<SqliteIdpFactory>;
