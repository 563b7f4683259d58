using System.Net;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>What the authorization endpoint answers to requests a client library would not send.</summary>
public abstract class AuthorizeEndpointTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task UnregisteredRedirectUri_ShowsErrorPageAndDoesNotRedirect()
    {
        using var browser = factory.CreateBrowser();
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge,
            redirectUri: "https://evil.example/callback"));

        Assert.Null(page.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This sign-in request cannot continue", page.Text);
        Assert.Contains("invalid_request", page.Text);
        Assert.DoesNotContain("evil.example", page.Html);
    }

    [SkippableFact]
    public async Task UnknownClient_ShowsErrorPageAndDoesNotRedirect()
    {
        using var browser = factory.CreateBrowser();
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url("no-such-client", challenge));

        Assert.Null(page.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This sign-in request cannot continue", page.Text);
    }

    [SkippableFact]
    public async Task PlainCodeChallenge_IsRefusedWithTheReason()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            "a-plain-challenge-that-is-long-enough-for-rfc-7636", codeChallengeMethod: "plain"));

        Assert.Null(page.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("The specified 'code_challenge_method' is not supported.", page.Text);
    }

    [SkippableFact]
    public async Task PublicClientWithoutPkce_IsRefusedWithTheReason()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, codeChallenge: null));

        Assert.Null(page.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("The 'code_challenge' parameter required for this client application is missing.", page.Text);
    }

    [SkippableFact]
    public async Task ConfidentialClientWithoutPkce_IsAccepted()
    {
        using var browser = factory.CreateBrowser();

        var response = await AuthorizationRequests.SignInAsync(browser, AuthorizationRequests.Url(TestBootstrap.WebClientId,
            codeChallenge: null), "alice");

        Assert.True(response.ContainsKey("code"));
    }

    [SkippableFact]
    public async Task Discovery_AdvertisesOnlyS256AndNoImplicitOrPasswordGrant()
    {
        using var client = factory.CreateClient();

        var discovery = await client.GetStringAsync("/.well-known/openid-configuration");

        Assert.Contains("\"S256\"", discovery);
        Assert.DoesNotContain("\"plain\"", discovery);
        Assert.DoesNotContain("\"password\"", discovery);
        Assert.DoesNotContain("\"implicit\"", discovery);
        Assert.DoesNotContain("id_token token", discovery);
        Assert.Contains("\"issuer\": \"http://localhost/\"", discovery);
    }

    [SkippableFact]
    public async Task PromptNone_WithoutSession_ReturnsLoginRequired()
    {
        using var browser = factory.CreateBrowser();

        var response = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal("login_required", response["error"]);
    }

    [SkippableFact]
    public async Task PromptNone_WithSession_ReturnsCodeWithoutAnyPage()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");

        var response = await AuthorizationRequests.SilentAsync(browser);

        Assert.True(response.ContainsKey("code"));
        Assert.Equal("state-123", response["state"]);
    }

    [SkippableFact]
    public async Task SessionOfAUserLockedOutSinceSignIn_IsNoLongerAccepted()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("grace");
        await factory.ChangeUserAsync("grace", (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1)));

        var response = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal("login_required", response["error"]);
    }

    // The session cookie's periodic check (Idp:Sessions:CheckInterval) is a minute here: these pass only because the
    // authorization endpoint itself checks the session in the database.
    [SkippableFact]
    public async Task SessionOfAUserWhosePasswordWasResetSinceSignIn_GetsNoCode()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("carol");
        await factory.ChangeUserAsync("carol", async (users, user) =>
            await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), "another long passphrase"));

        var response = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal("login_required", response["error"]);
    }

    [SkippableFact]
    public async Task SessionEndedOnAnotherInstance_GetsNoCodeAtTheNextRequest()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("dave");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("dave");
            await scope.ServiceProvider.GetRequiredService<UserSessionService>().EndAllAsync(user!.Id, keep: null, CancellationToken.None);
        }

        var response = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal("login_required", response["error"]);
    }

    [SkippableFact]
    public async Task CodeIssued_SessionEndedBeforeTheExchange_InvalidGrant()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("erin");
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = AuthorizationRequests.ResponseParameters(await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            challenge)))["code"];
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("erin");
            await scope.ServiceProvider.GetRequiredService<UserSessionService>().EndAllAsync(user!.Id, keep: null, CancellationToken.None);
        }

        using var backchannel = OidcClients.Backchannel(factory);
        var response = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = code, RedirectUri = TestBootstrap.RedirectUri,
                CodeVerifier = verifier,
        });

        // Ending the session revoked the code with the session's other tokens (the token endpoint's own session check,
        // "The session the grant was issued in has ended.", stays behind it).
        Assert.Equal("invalid_grant", response.Error);
        Assert.Equal("The specified authorization code is no longer valid.", response.ErrorDescription);
    }

    [SkippableFact]
    public async Task ConsentPage_CarriesTheContentSecurityPolicy()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("frank");
        using var authorize = await browser.Client.GetAsync(AuthorizationRequests.Url(TestBootstrap.ConsentClientId,
            AuthorizationRequests.NewPkce().Challenge));

        using var consent = await browser.Client.GetAsync(authorize.Headers.Location);

        Assert.StartsWith("/connect/consent", authorize.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("frame-ancestors 'none'", consent.Headers.GetValues("Content-Security-Policy").Single());
    }

    [SkippableFact]
    public async Task PromptLogin_WithSession_ShowsLoginPageAgain()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge, prompt: "login"));
        var afterLogin = await AuthorizationRequests.SignInAsync(browser, page.Uri.ToString(), "alice");

        Assert.Equal("/account/login", page.Path);
        Assert.True(afterLogin.ContainsKey("code"));
    }

    [SkippableFact]
    public async Task MaxAgeZero_WithSession_ShowsLoginPageAgain()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge, maxAge: 0));

        Assert.Equal("/account/login", page.Path);
    }

    [SkippableFact]
    public async Task MaxAge_SessionOlderThanItWhoseCookieWasRenewed_ShowsLoginPageAgain()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");
        factory.Clock.Advance(TimeSpan.FromSeconds(65));
        // Past the cookie's periodic check, which issues it anew: its issue time is no longer the sign-in's.
        await browser.OpenAsync("/account/manage");
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge, maxAge: 30));

        Assert.Equal("/account/login", page.Path);
    }

    [SkippableFact]
    public async Task LoginHint_PrefillsTheUserName()
    {
        using var browser = factory.CreateBrowser();
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge, loginHint: "bob@example.com"));

        Assert.Equal("/account/login", page.Path);
        Assert.Equal("bob@example.com", page.InputValue("Input.UserName"));
    }

    [SkippableFact]
    public async Task ResponseModeFormPost_ReturnsAFormThatPostsTheCodeToTheApplication()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");
        var (_, challenge) = AuthorizationRequests.NewPkce();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId, challenge, responseMode: "form_post"));

        var form = page.Document.QuerySelector("form");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(TestBootstrap.RedirectUri, form?.GetAttribute("action"));
        Assert.False(string.IsNullOrEmpty(page.InputValue("code")));
        Assert.Equal("state-123", page.InputValue("state"));
    }

    [SkippableFact]
    public async Task ConsentDecision_InALinkWithoutAntiforgeryToken_IsIgnored()
    {
        using var browser = factory.CreateBrowser();
        var (_, challenge) = AuthorizationRequests.NewPkce();
        var url = AuthorizationRequests.Url(TestBootstrap.ConsentClientId, challenge, scope: "openid email");
        await browser.OpenAsync(url);

        var login = await browser.OpenAsync(url + "&consent_decision=accept");
        var consent = await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = "frank", ["Input.Password"] = TestBootstrap.Password,
        });
        var forged = await browser.PostAsync(new Uri(IdpFactory.Origin + "/connect/authorize"),
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query)
                .Select(pair => new KeyValuePair<string, string>(pair.Key, pair.Value.ToString()))
                .Append(new("consent_decision", "accept")));

        Assert.Equal("/connect/consent", consent.Path);
        Assert.Equal("/connect/consent", forged.Path);
    }
}

public sealed class AuthorizeEndpointTestsOnSqlite(SqliteIdpFactory factory) : AuthorizeEndpointTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class AuthorizeEndpointTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AuthorizeEndpointTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
