using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>What a person does on the hosted pages: find the field by its label, type, press the button.</summary>
public static class People
{
    public static async Task OpenAppAndSignInAsync(this Journey journey)
    {
        await journey.Page.GotoAsync(journey.Servers.App.Url);
        await journey.ShotAsync("application");
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "sign-in");
    }

    public static async Task TypePasswordAsync(this Journey journey, string userName, string password = JourneyBootstrap.Password)
    {
        await journey.Page.GetByLabel("Username or email").FillAsync(userName);
        await journey.Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>From the sign-in page: "Forgot password?", the name, a code by SMS; ends on the code page.</summary>
    public static async Task StartResetAsync(this Journey journey, string userName)
    {
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await journey.AtIdpAsync("/account/forgot-password", "forgot-password");
        await journey.Page.GetByLabel("Username or email address").FillAsync(userName);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/forgot-password/method", "how-to-receive-the-code");
        await journey.Page.GetByLabel("A code by text message (SMS) to the phone number on your account").CheckAsync();
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/reset-code", "enter-the-code");
    }

    /// <summary>The code in the newest SMS to the person's phone, once more than <paramref name="seenBefore"/> arrived.</summary>
    public static Task<string> ReadSmsCodeAsync(this Journey journey, string userName, int seenBefore = 0) =>
        journey.Servers.Twilio.NextSmsCodeAsync(JourneyBootstrap.PhoneOf(userName), seenBefore);

    public static async Task<string> GreetingAsync(this Journey journey) =>
        (await journey.Page.Locator("#greeting").TextContentAsync())!;
}
