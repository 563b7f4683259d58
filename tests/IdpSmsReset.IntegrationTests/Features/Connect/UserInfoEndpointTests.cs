using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

public abstract class UserInfoEndpointTests(IdpFactory factory)
{
    [SkippableTheory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task UserInfo_WithProfileAndEmailScopes_ReturnsThoseClaimsOnly(string method)
    {
        var accessToken = await GetAccessTokenAsync("openid profile email");
        using var backchannel = OidcClients.Backchannel(factory);

        using var request = new HttpRequestMessage(new HttpMethod(method), "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        var response = await backchannel.SendAsync(request);
        var claims = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Alice Example", claims.GetProperty("name").GetString());
        Assert.Equal("alice", claims.GetProperty("preferred_username").GetString());
        Assert.Equal("alice@example.com", claims.GetProperty("email").GetString());
        Assert.True(claims.GetProperty("email_verified").GetBoolean());
        Assert.False(claims.TryGetProperty("phone_number", out _));
    }

    [SkippableFact]
    public async Task UserInfo_WithOpenIdOnly_ReturnsTheSubjectOnly()
    {
        var accessToken = await GetAccessTokenAsync("openid");
        using var backchannel = OidcClients.Backchannel(factory);

        var response = await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

        Assert.False(response.IsError, response.Error);
        Assert.Equal(["sub"], response.Claims.Select(claim => claim.Type));
    }

    [SkippableFact]
    public async Task UserInfo_WithoutToken_Is401WithBearerChallenge()
    {
        using var backchannel = OidcClients.Backchannel(factory);

        var response = await backchannel.GetAsync("/connect/userinfo");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [SkippableFact]
    public async Task UserInfo_TokenRevokedOnThisInstance_RefusedAtOnce()
    {
        var accessToken = await GetAccessTokenAsync("openid");
        using var backchannel = OidcClients.Backchannel(factory);
        var before = await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

        // The first answer put the token's state in this instance's cache (RecentEntries); the revocation must empty it.
        var revocation = await backchannel.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = TestBootstrap.SpaClientId, Token = accessToken, TokenTypeHint = "access_token",
        });
        var after = await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

        Assert.False(before.IsError, before.Error);
        Assert.False(revocation.IsError, revocation.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, after.HttpStatusCode);
    }

    [SkippableFact]
    public async Task UserInfo_CalledAgainWithTheSameToken_ReadsNothing()
    {
        var accessToken = await GetAccessTokenAsync("openid profile");
        using var backchannel = OidcClients.Backchannel(factory);
        await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

        factory.Commands.Start();
        var again = await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });
        var (count, commands) = factory.Commands.Stop();

        Assert.False(again.IsError, again.Error);
        // The token's and its authorization's entries and the profile come from the cache for Idp:Cache:MaxAge.
        Assert.True(count == 0, $"{count} round trips:\n" + string.Join("\n---\n", commands));
    }

    [SkippableFact]
    public async Task UserInfo_ProfileChangedOnThisInstance_ShownAtOnce()
    {
        var accessToken = await GetAccessTokenAsync("openid profile", "bob");
        using var backchannel = OidcClients.Backchannel(factory);
        var before = await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var bob = (await users.FindByNameAsync("bob"))!;
            bob.DisplayName = "Robert Example";
            Assert.True((await users.UpdateAsync(bob)).Succeeded);
        }

        var after = await backchannel.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = accessToken });

        Assert.Equal("Bob Example", before.Claims.Single(claim => claim.Type == "name").Value);
        Assert.Equal("Robert Example", after.Claims.Single(claim => claim.Type == "name").Value);
    }

    private async Task<string> GetAccessTokenAsync(string scope, string userName = "alice")
    {
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = (await AuthorizationRequests.SignInAsync(browser, AuthorizationRequests.Url(TestBootstrap.SpaClientId, challenge,
            scope: scope), userName))["code"];
        using var backchannel = OidcClients.Backchannel(factory);
        var tokens = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code, RedirectUri = TestBootstrap.RedirectUri,
                CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error);
        return tokens.AccessToken!;
    }
}

public sealed class UserInfoEndpointTestsOnSqlite(SqliteIdpFactory factory) : UserInfoEndpointTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class UserInfoEndpointTestsOnPostgreSql(PostgreSqlIdpFactory factory) : UserInfoEndpointTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
