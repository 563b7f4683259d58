using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>An administrator on the policy dashboard turns SMS reset off, and the users' sign-in page changes at once.</summary>
public sealed class PolicyDashboardJourneys(JourneyServers servers) : IClassFixture<JourneyServers>
{
    [SkippableFact]
    public async Task AdministratorTurnsSmsResetOff_TheUserNoLongerSeesForgotPassword()
    {
        await using var journey = await Journey.StartAsync(servers, "administrator-turns-sms-reset-off");

        await journey.OpenAppAndSignInAsync();
        var offeredBefore = await ForgotPasswordLink(journey).IsVisibleAsync();

        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/admin/policies");
        await journey.AtIdpAsync("/account/login", "administrator-sign-in");
        await journey.TypePasswordAsync(JourneyBootstrap.AdminUserName);
        await journey.AtIdpAsync("/admin/policies", "policies");
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = JourneyBootstrap.ResetPolicyName, Exact = true }).ClickAsync();
        await journey.AtIdpAsync("/admin/policies/edit", "policy-reset");
        await journey.Page.GetByLabel("Reset by SMS code").UncheckAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await journey.AtIdpAsync("/admin/policies", "policy-saved");
        var notice = await journey.Page.Locator(".notice").TextContentAsync();
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/logout");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await journey.OpenAppAndSignInAsync();
        var offeredAfter = await ForgotPasswordLink(journey).CountAsync();

        Assert.True(offeredBefore, "Before the change the sign-in page offers \"Forgot password?\".");
        Assert.Equal($"The policy '{JourneyBootstrap.ResetPolicyName}' was saved.", notice);
        Assert.Equal(0, offeredAfter);
    }

    private static ILocator ForgotPasswordLink(Journey journey) => journey.Page.GetByRole(AriaRole.Link,
        new() { Name = "Forgot password?" });
}

/// <summary>An administrator enters the Twilio account (WireMock answers the validation) and sends a test SMS.</summary>
public sealed class SmsFactorDashboardJourneys(JourneyServersWithoutSmsFactor servers) : IClassFixture<JourneyServersWithoutSmsFactor>
{
    private const string TestNumber = "+14155553999";

    [SkippableFact]
    public async Task AdministratorConfiguresTwilio_ValidatedThenTestSmsArrives()
    {
        await using var journey = await Journey.StartAsync(servers, "administrator-configures-sms");

        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/admin/factors");
        await journey.AtIdpAsync("/account/login", "administrator-sign-in");
        await journey.TypePasswordAsync(JourneyBootstrap.AdminUserName);
        await journey.AtIdpAsync("/admin/factors", "factors-not-configured");
        var before = await journey.Page.Locator("#sms-status").TextContentAsync();
        await journey.Page.GetByLabel("Account SID").FillAsync(FakeTwilio.AccountSid);
        await journey.Page.GetByLabel("Auth Token").FillAsync(FakeTwilio.AuthToken);
        await journey.Page.GetByLabel("A phone number").CheckAsync();
        await journey.Page.GetByLabel("Sending phone number").FillAsync(FakeTwilio.From);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Save and validate with Twilio" }).ClickAsync();
        await journey.Page.Locator("#sms-status", new() { HasTextString = "Configured" }).WaitForAsync();
        await journey.ShotAsync("factors-configured");
        var after = await journey.Page.Locator("#sms-status").TextContentAsync();
        await journey.Page.GetByLabel("Phone number", new() { Exact = true }).FillAsync(TestNumber);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Send test SMS" }).ClickAsync();
        await journey.Page.Locator(".notice", new() { HasTextString = "test SMS is queued" }).WaitForAsync();
        await journey.ShotAsync("test-sms-queued");
        var received = await journey.Servers.Twilio.WaitForMessagesToAsync(TestNumber);
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/admin");
        await journey.Page.Locator("#chart-day-sms").WaitForAsync();
        await journey.ShotAsync("overview-charts");
        var charts = await journey.Page.Locator("svg.chart").CountAsync();

        Assert.Equal(8, charts);
        Assert.Contains("Not configured", before);
        Assert.Contains("Configured: validated with Twilio", after);
        var message = Assert.Single(received);
        Assert.Equal(FakeTwilio.From, message.Form["From"]);
    }
}
