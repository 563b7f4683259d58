using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>Signing in to the application with the account one has at the company's own identity provider.</summary>
public sealed class FederationJourneys(FederationJourneyServers servers) : IClassFixture<FederationJourneyServers>
{
    [SkippableFact]
    public async Task ContinueWithCorp_ThroughCorpsSignInPage_BackInTheApplication_AccountPageListsCorp()
    {
        await using var journey = await Journey.StartAsync(servers, "continue-with-corp");

        await journey.OpenAppAndSignInAsync();
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Continue with Corp" }).ClickAsync();
        await journey.Page.GetByRole(AriaRole.Heading, new() { Name = "Corp sign-in" }).WaitForAsync();
        await journey.ShotAsync("corp-sign-in");
        await journey.Page.GetByLabel("Account").FillAsync(FederationJourneyServers.AnnAtCorp);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await journey.AtIdpAsync("/connect/consent", "consent");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");
        var greeting = await journey.GreetingAsync();
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/manage/linked");
        await journey.AtIdpAsync("/account/manage/linked", "account-linked-providers");
        var linked = await journey.Page.Locator(".linked-sign-ins [data-provider='corp']").TextContentAsync();

        Assert.Equal("Hello, Ann Corp", greeting);
        Assert.Contains("Corp", linked);
    }
}
