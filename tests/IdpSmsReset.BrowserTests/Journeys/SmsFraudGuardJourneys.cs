using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>
/// The SMS fraud guard as people meet it: a reset request whose proof of work the page's script solves, and an
/// administrator who lowers a budget, sees a code held, and releases it to the person waiting for it.
/// </summary>
public sealed class SmsFraudGuardJourneys(FraudGuardJourneyServers servers) : IClassFixture<FraudGuardJourneyServers>
{
    [SkippableFact]
    public async Task ForgotPassword_ProofOfWorkRequired_TheBrowserSolvesItAndTheCodeArrives()
    {
        await using var journey = await Journey.StartAsync(servers, "reset-with-proof-of-work");

        await journey.OpenAppAndSignInAsync();
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await journey.AtIdpAsync("/account/forgot-password", "forgot-password-with-a-challenge");
        var challenge = await journey.Page.Locator("#proof-nonce").GetAttributeAsync("data-proof-challenge");
        await journey.Page.GetByLabel("Username or email address").FillAsync("rosa");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/forgot-password/method", "challenge-solved");
        await journey.Page.GetByLabel("A code by text message (SMS) to the phone number on your account").CheckAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/reset-code", "enter-the-code");
        var code = await journey.ReadSmsCodeAsync("rosa");

        Assert.Matches("^[0-9a-f]{32}$", challenge);
        Assert.Matches("^[0-9]{6}$", code);
    }

    [SkippableFact]
    public async Task Administrator_BudgetSpent_ReleasesTheHeldCodeAndThePersonResetsWithIt()
    {
        await using var admin = await Journey.StartAsync(servers, "administrator-releases-held-codes");
        await admin.Page.GotoAsync(admin.Servers.IdpUrl + "/admin/factors");
        await admin.AtIdpAsync("/account/login", "administrator-sign-in");
        await admin.TypePasswordAsync(JourneyBootstrap.AdminUserName);
        await admin.AtIdpAsync("/admin/factors", "factors");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "SMS fraud guard: budgets, surge detection, prices" }).ClickAsync();
        await admin.AtIdpAsync("/admin/factors/fraud-guard", "fraud-guard");
        await admin.Page.GetByLabel("Messages an hour to one number prefix").FillAsync("1");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await admin.Page.Locator(".notice").WaitForAsync();
        await admin.ShotAsync("budget-lowered");

        // Otto spends the prefix's one message an hour; Nina's code, in the same prefix, is held.
        await using (var otto = await Journey.StartAsync(servers, "otto-gets-the-last-code"))
        {
            await otto.OpenAppAndSignInAsync();
            await otto.StartResetAsync("otto");
            await otto.ReadSmsCodeAsync("otto");
        }

        await using var nina = await Journey.StartAsync(servers, "nina-waits-for-a-held-code");
        await nina.OpenAppAndSignInAsync();
        await nina.StartResetAsync("nina");
        // The code is written by the reset's job, after Nina's page: the administrator looks again until it is held.
        for (var look = 0; look < 60; look++)
        {
            await admin.Page.GotoAsync(admin.Servers.IdpUrl + "/admin");
            if (await admin.Page.Locator("#sms-held").CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(500);
        }

        await admin.Page.Locator("#sms-held").WaitForAsync();
        await admin.ShotAsync("overview-says-a-code-is-held");
        var heldBefore = servers.Twilio.MessagesTo(JourneyBootstrap.PhoneOf("nina")).Count;
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Release or discard them" }).ClickAsync();
        await admin.AtIdpAsync("/admin/messages/countries", "held-messages");
        await admin.Page.Locator("tr[data-held-scope='prefix:+1-628555']").GetByRole(AriaRole.Button, new() { Name = "Release" })
            .ClickAsync();
        await admin.Page.Locator("#no-held").WaitForAsync();
        await admin.ShotAsync("released");
        var code = await nina.ReadSmsCodeAsync("nina");
        await nina.Page.GetByLabel("Code from the text message").FillAsync(code);
        await nina.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await nina.AtIdpAsync("/account/new-password", "nina-sets-a-new-password");

        Assert.Equal(0, heldBefore);
        Assert.Single(servers.Twilio.MessagesTo(JourneyBootstrap.PhoneOf("nina")));
    }
}
