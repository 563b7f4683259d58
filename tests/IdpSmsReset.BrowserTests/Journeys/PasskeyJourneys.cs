using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>A passkey on the account page, then at sign-in: as the second factor, then alone; then removed.</summary>
public sealed class PasskeyJourneys(PasskeyJourneyServers servers) : IClassFixture<PasskeyJourneyServers>
{
    [SkippableFact]
    public async Task AddedOnTheAccountPage_SecondFactorThenPasswordless_ThenRemoved()
    {
        await using var journey = await Journey.StartAsync(servers, "passkey");
        var authenticator = await VirtualAuthenticator.AddAsync(journey.Page);
        var idp = journey.Servers.IdpUrl;

        await journey.Page.GotoAsync(idp + "/account/login");
        await journey.AtIdpAsync("/account/login", "sign-in-with-password");
        await journey.TypePasswordAsync("pia");
        await journey.Page.GotoAsync(idp + "/account/manage/passkeys");
        await journey.AtIdpAsync("/account/manage/passkeys", "no-passkey-yet");
        await journey.Page.GetByLabel("Name (the device or key, so you can tell them apart)").FillAsync("Journey laptop");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await journey.Page.Locator(".notice").WaitForAsync();
        await journey.ShotAsync("passkey-added");
        var added = await journey.Page.Locator(".passkey-name").AllTextContentsAsync();
        await SignOutAsync(journey);

        // With a passkey, a password sign-in asks for it, first among the second factors.
        await authenticator.SetPresentAsync(false);
        await journey.Page.GotoAsync(idp + "/account/login");
        var usernameAutocomplete = await journey.Page.GetByLabel("Username or email").GetAttributeAsync("autocomplete");
        await journey.TypePasswordAsync("pia");
        await journey.AtIdpAsync("/account/second-factor", "passkey-asked-as-second-factor");
        var offered = await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Use your passkey" }).CountAsync();
        await authenticator.SetPresentAsync(true);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Use your passkey" }).ClickAsync();
        await journey.AtIdpAsync("/", "signed-in-with-password-and-passkey");
        await SignOutAsync(journey);

        // Passwordless: the passkey alone.
        await authenticator.SetPresentAsync(false);
        await journey.Page.GotoAsync(idp + "/account/login");
        await journey.AtIdpAsync("/account/login", "passwordless-offered");
        await authenticator.SetPresentAsync(true);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await journey.AtIdpAsync("/", "signed-in-with-passkey-alone");
        await journey.Page.GotoAsync(idp + "/account/manage/passkeys");
        await journey.AtIdpAsync("/account/manage/passkeys", "last-used-shown");
        var lastUsed = await journey.Page.Locator("[data-passkey-row] .hint").First.TextContentAsync();
        // Signed in moments ago: no password is asked again, one click removes it.
        var passwordAsked = await journey.Page.GetByLabel("Current password").CountAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await journey.Page.Locator(".notice").WaitForAsync();
        await journey.ShotAsync("passkey-removed");
        var notice = await journey.Page.Locator(".notice").TextContentAsync();
        var left = await journey.Page.Locator("[data-passkey-row]").CountAsync();

        Assert.Equal(["Journey laptop"], added);
        Assert.Equal(0, passwordAsked);
        Assert.Equal(1, offered);
        Assert.Equal("username webauthn", usernameAutocomplete);
        Assert.Contains("last used", lastUsed);
        Assert.Equal("Your passkey was removed.", notice);
        Assert.Equal(0, left);
    }

    private static async Task SignOutAsync(Journey journey)
    {
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + "/account/logout");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await journey.Page.WaitForLoadStateAsync();
    }
}
