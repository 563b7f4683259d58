using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Users;

/// <summary>
/// The tokens an application obtained through a sign-in session belong to that session: revoking them reaches that
/// browser's tokens and no other device's, and ending the session takes them along.
/// </summary>
public abstract class SessionTokensTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task ReplayedCode_RevokesTheReplayingSessionsTokens_NotAnotherBrowsers()
    {
        using var laptop = factory.CreateBrowser();
        using var phone = factory.CreateBrowser();
        var (laptopCode, laptopVerifier) = await SignInAsync(laptop, "dave");
        var phoneTokens = await ExchangeAsync(await SignInAsync(phone, "dave"));
        var laptopTokens = await ExchangeAsync(laptopCode, laptopVerifier);

        var replay = await ExchangeAsync(laptopCode, laptopVerifier);
        var laptopRefresh = await RefreshAsync(laptopTokens.RefreshToken);
        var phoneRefresh = await RefreshAsync(phoneTokens.RefreshToken);

        Assert.Equal("invalid_grant", replay.Error);
        Assert.Equal("invalid_grant", laptopRefresh.Error);
        Assert.False(phoneRefresh.IsError, phoneRefresh.Error);
    }

    [SkippableFact]
    public async Task SessionEndedFromTheAccountPage_ItsOfflineRefreshTokenDiesAtOnce_TheOtherSessionsLives()
    {
        using var laptop = factory.CreateBrowser();
        using var phone = factory.CreateBrowser();
        var laptopTokens = await ExchangeAsync(await SignInAsync(laptop, "erin"));
        var phoneTokens = await ExchangeAsync(await SignInAsync(phone, "erin"));

        var overview = await phone.OpenAsync("/account/manage");
        await phone.SubmitAsync(overview, formSelector: "form[action*='handler=EndOtherSessions']");
        var laptopRefresh = await RefreshAsync(laptopTokens.RefreshToken);
        var laptopAccess = await IntrospectAsync(laptopTokens.AccessToken!);
        var phoneRefresh = await RefreshAsync(phoneTokens.RefreshToken);

        Assert.Equal("invalid_grant", laptopRefresh.Error);
        Assert.False(laptopAccess.IsActive);
        Assert.False(phoneRefresh.IsError, phoneRefresh.Error);
    }

    [SkippableFact]
    public async Task SignOutEverywhere_OnTheAccountPage_EveryTokenDies_ThisBrowserIsSignedOut()
    {
        using var laptop = factory.CreateBrowser();
        using var phone = factory.CreateBrowser();
        var laptopTokens = await ExchangeAsync(await SignInAsync(laptop, "alice"));
        var phoneTokens = await ExchangeAsync(await SignInAsync(phone, "alice"));

        var signedOut = await phone.SubmitAsync(
            await phone.OpenAsync("/account/manage"), formSelector: "form[action*='handler=SignOutEverywhere']");
        var afterwards = await phone.OpenAsync("/account/manage");

        Assert.Equal("/", signedOut.Path);
        Assert.Equal("/account/login", afterwards.Path);
        Assert.Equal("invalid_grant", (await RefreshAsync(laptopTokens.RefreshToken)).Error);
        Assert.Equal("invalid_grant", (await RefreshAsync(phoneTokens.RefreshToken)).Error);
    }

    [SkippableFact]
    public async Task OfflineToken_SurvivesTheBrowserSigningOut_DiesOnAPasswordChange()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await ExchangeAsync(await SignInAsync(browser, "frank"));

        var signOut = await browser.OpenAsync("/connect/endsession?id_token_hint=" + tokens.IdentityToken);
        if (signOut.Path == "/account/logout")
        {
            await browser.SubmitAsync(signOut);
        }

        var afterSignOut = await RefreshAsync(tokens.RefreshToken);
        await factory.ChangeUserAsync(
            "frank", (users, frank) => users.ChangePasswordAsync(frank, TestBootstrap.Password, "frank's new passphrase"));
        var afterPasswordChange = await RefreshAsync(afterSignOut.RefreshToken);

        Assert.False(afterSignOut.IsError, afterSignOut.Error);
        Assert.Equal("invalid_grant", afterPasswordChange.Error);
    }

    [SkippableFact]
    public async Task AccountPage_EachSession_ListsTheApplicationsHoldingItsTokens()
    {
        using var browser = factory.CreateBrowser();
        await ExchangeAsync(await SignInAsync(browser, "heidi"));

        var overview = await browser.OpenAsync("/account/manage");

        var row = overview.Document.QuerySelector("tr[data-session] td.applications");
        Assert.Equal("Web", row!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task EndSession_HintFromAnotherSessionOfTheSameUser_AsksBeforeSigningOut()
    {
        using var laptop = factory.CreateBrowser();
        using var phone = factory.CreateBrowser();
        var laptopTokens = await ExchangeAsync(await SignInAsync(laptop, "carol"));
        await SignInAsync(phone, "carol");

        var answer = await phone.OpenAsync("/connect/endsession?id_token_hint=" + laptopTokens.IdentityToken);
        var stillSignedIn = await phone.OpenAsync("/account/manage");

        Assert.Equal("/account/logout", answer.Path);
        Assert.Equal("/account/manage", stillSignedIn.Path);
    }

    [SkippableFact]
    public async Task PasswordChangedOnTheAccountPage_EveryTokenDies_ThisBrowserStaysSignedIn()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await ExchangeAsync(await SignInAsync(browser, "bob"));

        var changed = await browser.SubmitAsync(await browser.OpenAsync("/account/manage/password"), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestBootstrap.Password, ["Input.NewPassword"] = "bob's brand new passphrase",
            ["Input.ConfirmPassword"] = "bob's brand new passphrase",
        });
        var access = await IntrospectAsync(tokens.AccessToken!);

        Assert.Equal("/account/manage", changed.Path);
        Assert.False(access.IsActive);
        Assert.Equal("invalid_grant", (await RefreshAsync(tokens.RefreshToken)).Error);
    }

    [SkippableFact]
    public async Task IdToken_CarriesTheSessionId()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await ExchangeAsync(await SignInAsync(browser, "grace"));

        var payload = System.Text.Json.JsonDocument.Parse(
            Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(tokens.IdentityToken!.Split('.')[1]));

        Assert.True(Guid.TryParse(payload.RootElement.GetProperty("sid").GetString(), out _));
    }

    [SkippableFact]
    public async Task UsedRefreshToken_ShownToIntrospectionAndRevocationByAnotherClient_RefusedAndTheChainLives()
    {
        using var browser = factory.CreateBrowser();
        var first = await ExchangeAsync(await SignInAsync(browser, "heidi"));
        var second = await RefreshAsync(first.RefreshToken);
        factory.Clock.Advance(OpenIddictHostingRaceWindow + TimeSpan.FromSeconds(1));
        using var service = OidcClients.Backchannel(factory);

        var introspected = await service.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = "/connect/introspect", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
            Token = first.RefreshToken!,
        });
        using var revoked = await service.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = "/connect/revoke", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
            Token = first.RefreshToken!,
        });
        var third = await RefreshAsync(second.RefreshToken);

        Assert.False(second.IsError, second.Error);
        Assert.False(introspected.IsActive);
        Assert.False(third.IsError, third.Error + " " + third.ErrorDescription);
    }

    [SkippableFact]
    public async Task EndSession_OldIdTokenHintSentByAStranger_NothingRevoked()
    {
        using var browser = factory.CreateBrowser();
        var tokens = await ExchangeAsync(await SignInAsync(browser, "grace"));
        using var stranger = factory.CreateBrowser();

        var answer = await stranger.OpenAsync("/connect/endsession?id_token_hint=" + tokens.IdentityToken);
        if (answer.Path == "/account/logout")
        {
            await stranger.SubmitAsync(answer);
        }

        Assert.False((await RefreshAsync(tokens.RefreshToken)).IsError);
        Assert.True((await IntrospectAsync(tokens.AccessToken!)).IsActive);
        Assert.Equal("/account/manage", (await browser.OpenAsync("/account/manage")).Path);
    }

    private static readonly TimeSpan OpenIddictHostingRaceWindow = Server.Hosting.OpenIddictHosting.RefreshTokenRaceWindow;

    private static async Task<(string Code, string Verifier)> SignInAsync(TestBrowser browser, string userName)
    {
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var url = AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge, scope: "openid profile offline_access");
        return ((await AuthorizationRequests.SignInAsync(browser, url, userName))["code"], verifier);
    }

    private Task<TokenResponse> ExchangeAsync((string Code, string Verifier) grant) => ExchangeAsync(grant.Code, grant.Verifier);

    private async Task<TokenResponse> ExchangeAsync(string code, string verifier)
    {
        using var backchannel = OidcClients.Backchannel(factory);
        return await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
            Code = code, RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });
    }

    private async Task<TokenResponse> RefreshAsync(string? refreshToken)
    {
        using var backchannel = OidcClients.Backchannel(factory);
        return await backchannel.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
            RefreshToken = refreshToken!,
        });
    }

    private async Task<TokenIntrospectionResponse> IntrospectAsync(string token)
    {
        using var backchannel = OidcClients.Backchannel(factory);
        return await backchannel.IntrospectTokenAsync(new TokenIntrospectionRequest
        {
            Address = "/connect/introspect", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
            Token = token,
        });
    }
}

public sealed class SessionTokensTestsOnSqlite(SqliteIdpFactory factory) : SessionTokensTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class SessionTokensTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : SessionTokensTests(factory), IClassFixture<PostgreSqlIdpFactory>;
