using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>The sign-in a relying application performs, driven by a real OIDC client library.</summary>
public abstract class AuthorizationCodeFlowTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task PublicClientWithPkce_SignInThroughLoginForm_GetsValidatedIdTokenAndUserInfo()
    {
        using var browser = factory.CreateBrowser();
        var agent = new UserAgent(browser, "alice", TestBootstrap.Password);
        var client = OidcClients.Create(factory, agent, TestBootstrap.SpaClientId);

        var result = await client.LoginAsync();

        Assert.False(result.IsError, result.Error + " " + result.ErrorDescription);
        Assert.Equal(["/account/login"], agent.PagesSeen);
        Assert.Equal("Alice Example", result.User.FindFirst("name")?.Value);
        Assert.Equal("alice@example.com", result.User.FindFirst("email")?.Value);
        Assert.Equal("+14155550100", result.User.FindFirst("phone_number")?.Value);
        Assert.Contains(result.User.Claims, claim => claim.Type == "amr" && claim.Value == "pwd");
        Assert.NotNull(result.RefreshToken);
    }

    [SkippableFact]
    public async Task ExplicitConsentApplication_FirstSignIn_AsksOnceThenRemembers()
    {
        using var browser = factory.CreateBrowser();
        var agent = new UserAgent(browser, "bob", TestBootstrap.Password);
        var client = OidcClients.Create(factory, agent, TestBootstrap.ConsentClientId, TestBootstrap.WebClientSecret,
            "openid profile email");

        var first = await client.LoginAsync();
        agent.PagesSeen.Clear();
        var second = await client.LoginAsync();

        Assert.False(first.IsError, first.Error);
        Assert.False(second.IsError, second.Error);
        Assert.Empty(agent.PagesSeen);
        Assert.Equal("Bob Example", second.User.FindFirst("name")?.Value);
        var events = await factory.AuditEventsOfAsync("bob");
        var consent = Assert.Single(events, e => e.Type == IdpSmsReset.Core.Audit.AuditEventTypes.ConsentGranted);
        Assert.Equal(TestBootstrap.ConsentClientId, consent.ClientId);
        Assert.Equal("bob", consent.Actor);
        Assert.Contains(events, e => e.Type == IdpSmsReset.Core.Audit.AuditEventTypes.SignInSucceeded
            && e.ClientId == TestBootstrap.ConsentClientId);
    }

    [SkippableFact]
    public async Task ExplicitConsentApplication_UserDenies_ApplicationReceivesAccessDenied()
    {
        using var browser = factory.CreateBrowser();
        var agent = new UserAgent(browser, "carol", TestBootstrap.Password, allowConsent: false);
        var client = OidcClients.Create(factory, agent, TestBootstrap.ConsentClientId, TestBootstrap.WebClientSecret,
            "openid profile email");

        var result = await client.LoginAsync();

        Assert.True(result.IsError);
        Assert.Equal("access_denied", result.Error);
        Assert.Equal(["/account/login", "/connect/consent"], agent.PagesSeen);
        var denied = Assert.Single(await factory.AuditEventsOfAsync("carol"),
            e => e.Type == IdpSmsReset.Core.Audit.AuditEventTypes.ConsentDenied);
        Assert.Equal(TestBootstrap.ConsentClientId, denied.ClientId);
    }

    [SkippableFact]
    public async Task RefreshToken_UsedOnce_IsRotatedAndTheOldOneRefused()
    {
        var (client, login) = await SignInWithWebClientAsync("alice");

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);
        var replayed = await client.RefreshTokenAsync(login.RefreshToken);

        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(login.RefreshToken, refreshed.RefreshToken);
        Assert.True(replayed.IsError);
        Assert.Equal("invalid_grant", replayed.Error);
    }

    [SkippableFact]
    public async Task RefreshToken_ReplayedAfterTheRaceWindow_RevokesTheRotatedOneToo()
    {
        var (client, login) = await SignInWithWebClientAsync("carol");
        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        factory.Clock.Advance(IdpSmsReset.Server.Hosting.OpenIddictHosting.RefreshTokenRaceWindow + TimeSpan.FromSeconds(1));
        var replayed = await client.RefreshTokenAsync(login.RefreshToken);
        var afterReplay = await client.RefreshTokenAsync(refreshed.RefreshToken);

        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.Equal("invalid_grant", replayed.Error);
        Assert.Equal("invalid_grant", afterReplay.Error);
    }

    [SkippableFact]
    public async Task RefreshToken_UserDeletedSinceSignIn_IsRefused()
    {
        var (client, login) = await SignInWithWebClientAsync("dave");
        await factory.ChangeUserAsync("dave", (users, user) => users.DeleteAsync(user));

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [SkippableFact]
    public async Task RefreshToken_UserLockedOutSinceSignIn_IsRefused()
    {
        var (client, login) = await SignInWithWebClientAsync("erin");
        await factory.ChangeUserAsync("erin", (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [SkippableFact]
    public async Task RefreshToken_PasswordChangedSinceSignIn_IsRefused()
    {
        var (client, login) = await SignInWithWebClientAsync("grace");
        await factory.ChangeUserAsync("grace", (users, user) => users.UpdateSecurityStampAsync(user));

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [SkippableFact]
    public async Task Introspection_AccessTokenBeforeAndAfterRevocation_ActiveThenInactive()
    {
        var (_, login) = await SignInWithWebClientAsync("alice");
        using var backchannel = OidcClients.Backchannel(factory);

        var before = await Introspect(backchannel, login.AccessToken);
        var revocation = await backchannel.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
                Token = login.AccessToken,
        });
        var after = await Introspect(backchannel, login.AccessToken);

        Assert.True(before.IsActive, before.Error);
        Assert.Equal(login.User.FindFirst("sub")?.Value, before.Claims.First(claim => claim.Type == "sub").Value);
        Assert.False(revocation.IsError, revocation.Error);
        Assert.False(after.IsActive);
    }

    [SkippableFact]
    public async Task RefreshToken_Revoked_IsRefused()
    {
        var (client, login) = await SignInWithWebClientAsync("heidi");
        using var backchannel = OidcClients.Backchannel(factory);

        await backchannel.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
                Token = login.RefreshToken,
        });
        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        Assert.Equal("invalid_grant", refreshed.Error);
    }

    [SkippableFact]
    public async Task RefreshToken_ReadOnlyByThisServer_WrappedWithAesAndStillRotates()
    {
        var (client, login) = await SignInWithWebClientAsync("alice");

        var refreshed = await client.RefreshTokenAsync(login.RefreshToken);

        // The refresh token's key is wrapped with a key derived from the RSA one (no RSA operation to read it back); the
        // ID token, which relying applications check with the published keys, keeps its RSA signature.
        Assert.Equal("A256KW", HeaderOf(login.RefreshToken).GetProperty("alg").GetString());
        Assert.StartsWith("a-", HeaderOf(login.RefreshToken).GetProperty("kid").GetString());
        Assert.Equal("RS256", HeaderOf(login.IdentityToken).GetProperty("alg").GetString());
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.Equal("A256KW", HeaderOf(refreshed.RefreshToken).GetProperty("alg").GetString());
    }

    private static System.Text.Json.JsonElement HeaderOf(string token) => System.Text.Json.JsonDocument.Parse(
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement;

    private async Task<(Duende.IdentityModel.OidcClient.OidcClient Client,
        Duende.IdentityModel.OidcClient.LoginResult Login)> SignInWithWebClientAsync(string userName)
    {
        var browser = factory.CreateBrowser();
        var client = OidcClients.Create(factory, new UserAgent(browser, userName, TestBootstrap.Password), TestBootstrap.WebClientId,
            TestBootstrap.WebClientSecret);
        var login = await client.LoginAsync();
        Assert.False(login.IsError, login.Error + " " + login.ErrorDescription);
        return (client, login);
    }

    private static Task<TokenIntrospectionResponse> Introspect(HttpClient backchannel, string token) =>
        backchannel.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = "/connect/introspect", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
                Token = token,
        });
}

public sealed class AuthorizationCodeFlowTestsOnSqlite(SqliteIdpFactory factory) : AuthorizationCodeFlowTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class AuthorizationCodeFlowTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AuthorizationCodeFlowTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
