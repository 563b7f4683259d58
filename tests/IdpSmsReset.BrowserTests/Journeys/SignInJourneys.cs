using IdpSmsReset.BrowserTests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>Signing in to the application and out again: with a password, an SMS code, and an authenticator app.</summary>
public sealed class SignInJourneys(JourneyServers servers) : IClassFixture<JourneyServers>
{
    [SkippableFact]
    public async Task Password_Consent_NameInTheApplication_ThenSignedOutOfBothThroughTheApplication()
    {
        await using var journey = await Journey.StartAsync(servers, "sign-in-consent-sign-out");

        await journey.OpenAppAndSignInAsync();
        await journey.TypePasswordAsync("alice");
        await journey.AtIdpAsync("/connect/consent", "consent");
        var consentHeading = await journey.Page.Locator("h1").TextContentAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");
        var greeting = await journey.GreetingAsync();
        // The application's id_token_hint proves the request is its own, so the identity provider signs out without asking.
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).WaitForAsync();
        await journey.AtAppAsync("signed-out");
        var afterSignOut = await journey.GreetingAsync();
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/manage");
        await journey.AtIdpAsync("/account/login", "identity-provider-session-ended");

        Assert.Equal("Journey App wants to access your account", consentHeading);
        Assert.Equal("Hello, Alice Journey", greeting);
        Assert.Equal("Journey app", afterSignOut);
    }

    [SkippableFact]
    public async Task SinglePageApplication_OidcClientTs_SignsInRenewsWithTheRefreshTokenAndSignsOut()
    {
        await using var journey = await Journey.StartAsync(servers, "spa-oidc-client-ts");
        var spa = journey.Servers.App.Url + "/spa/index.html";
        var status = journey.Page.Locator("#status");

        await journey.Page.GotoAsync(spa);
        await Assertions.Expect(status).ToHaveTextAsync("Signed out");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "spa-sign-in");
        await journey.TypePasswordAsync("cleo");
        await journey.Page.WaitForURLAsync(spa);
        await Assertions.Expect(status).ToHaveTextAsync("Signed in as cleo (acr pwd)");
        await journey.ShotAsync("spa-signed-in");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Renew" }).ClickAsync();
        await Assertions.Expect(journey.Page.Locator("#renewal")).ToHaveTextAsync("Renewed");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await journey.Page.WaitForURLAsync(new Regex("^" + Regex.Escape(spa)));
        await Assertions.Expect(status).ToHaveTextAsync("Signed out");
        await journey.ShotAsync("spa-signed-out");
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/manage");
        await journey.AtIdpAsync("/account/login", "spa-identity-provider-session-ended");
    }

    [SkippableFact]
    public async Task SignOutEverywhereOnTheAccountPage_TheApplicationIsToldBehindTheScenes_ItsSessionEnds()
    {
        await using var journey = await Journey.StartAsync(servers, "back-channel-logout");

        await journey.OpenAppAndSignInAsync();
        await journey.TypePasswordAsync("bea");
        await journey.AtIdpAsync("/connect/consent", "consent");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");
        var greeting = await journey.GreetingAsync();
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/manage");
        await journey.AtIdpAsync("/account/manage", "account-page");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere", Exact = true }).ClickAsync();
        // The application hears of it from the identity provider's background job, not from the browser.
        var afterwards = greeting;
        for (var attempt = 0; attempt < 40 && afterwards != "Journey app"; attempt++)
        {
            await Task.Delay(250);
            await journey.Page.GotoAsync(journey.Servers.App.Url + "/");
            afterwards = await journey.GreetingAsync();
        }

        await journey.AtAppAsync("application-signed-out");

        Assert.Equal("Hello, Bea Journey", greeting);
        Assert.Equal("Journey app", afterwards);
    }

    [SkippableFact]
    public async Task SmsSecondFactor_CodeFromTheText_NameInTheApplication()
    {
        await using var journey = await Journey.StartAsync(servers, "sign-in-with-sms-code");

        await journey.OpenAppAndSignInAsync();
        await journey.TypePasswordAsync("sam");
        await journey.AtIdpAsync("/account/second-factor", "second-factor-sms");
        var code = await journey.ReadSmsCodeAsync("sam");
        await journey.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await journey.AtIdpAsync("/connect/consent", "consent");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");

        Assert.Equal("Hello, Sam Journey", await journey.GreetingAsync());
    }

    [SkippableFact]
    public async Task AuthenticatorApp_EnrolledOnTheAccountPage_AskedAtTheNextSignIn()
    {
        await using var journey = await Journey.StartAsync(servers, "sign-in-with-authenticator-app");

        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/manage/authenticator");
        await journey.AtIdpAsync("/account/login", "sign-in-for-the-account-page");
        await journey.TypePasswordAsync("tom");
        await journey.AtIdpAsync("/account/manage/authenticator", "authenticator-setup");
        var key = (await journey.Page.Locator("#authenticator-key").TextContentAsync())!;
        await journey.Page.GetByLabel("Code from the app").FillAsync(Phone.AuthenticatorCode(key));
        await journey.Page.GetByLabel("Your password, to confirm").FillAsync(JourneyBootstrap.Password);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Set up the app" }).ClickAsync();
        await journey.Page.Locator(".codes li").First.WaitForAsync();
        await journey.ShotAsync("recovery-codes");
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/logout");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await journey.OpenAppAndSignInAsync();
        await journey.TypePasswordAsync("tom");
        await journey.AtIdpAsync("/account/second-factor", "second-factor-app");
        // The code of the next 30-second step: the set-up code's step is used up, and one step of drift is allowed.
        await journey.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(Phone.AuthenticatorCode(key, stepsAhead: 1));
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await journey.AtIdpAsync("/connect/consent", "consent");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");

        Assert.Equal("Hello, Tom Journey", await journey.GreetingAsync());
    }
}
