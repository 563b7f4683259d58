using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>"Forgot password?" from the application's sign-in: the code by SMS, a new password, and back in the application.</summary>
public sealed class PasswordResetJourneys(JourneyServers servers) : IClassFixture<JourneyServers>
{
    private const string NewPassword = "a fresh passphrase for the journey";

    [SkippableFact]
    public async Task ForgotPassword_CodeBySms_NewPassword_SignedInToTheApplication()
    {
        await using var journey = await Journey.StartAsync(servers, "forgot-password-by-sms");

        await journey.OpenAppAndSignInAsync();
        await journey.StartResetAsync("rita");
        var code = await journey.ReadSmsCodeAsync("rita");
        await journey.Page.GetByLabel("Code from the text message").FillAsync(code);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await journey.AtIdpAsync("/account/new-password", "new-password");
        await journey.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await journey.Page.GetByLabel("New password again").FillAsync(NewPassword);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "sign-in-with-the-new-password");
        var notice = await journey.Page.Locator(".notice").TextContentAsync();
        await journey.TypePasswordAsync("rita", NewPassword);
        await journey.AtIdpAsync("/connect/consent", "consent");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");

        Assert.Contains("Your password was changed", notice);
        Assert.Equal("Hello, Rita Journey", await journey.GreetingAsync());
    }

    [SkippableFact]
    public async Task WrongCodeFiveTimes_TheResetIsLocked()
    {
        await using var journey = await Journey.StartAsync(servers, "wrong-code-five-times");

        await journey.OpenAppAndSignInAsync();
        await journey.StartResetAsync("walt");
        var wrong = await journey.ReadSmsCodeAsync("walt") == "000000" ? "111111" : "000000";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await journey.Page.GetByLabel("Code from the text message").FillAsync(wrong);
            await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            var left = 5 - attempt;
            await (left switch
            {
                0 => journey.Page.Locator(".form-error[role=alert]"),
                1 => journey.Page.Locator("#code-error", new() { HasTextString = "1 attempt left." }),
                _ => journey.Page.Locator("#code-error", new() { HasTextString = $"{left} attempts left." }),
            }).WaitForAsync();
            await journey.ShotAsync($"wrong-code-{attempt}");
        }

        var locked = await journey.Page.Locator(".form-error[role=alert]").TextContentAsync();

        Assert.Equal("The code was entered wrong too many times, so this reset is locked. Start again.", locked!.Trim());
    }

    [SkippableFact]
    public async Task CorporateApplicationInFrench_ResetPagesInItsThemeAndInFrench()
    {
        await using var journey = await Journey.StartAsync(servers, "corporate-theme-in-french");

        await journey.Page.GotoAsync(journey.Servers.App.Url);
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Se connecter (corporate)" }).ClickAsync();
        await journey.AtIdpAsync("/account/login", "sign-in-corporate-french");
        // ASP.NET Core's handler pushes its request (discovery offers PAR): language and theme come from the pushed one.
        Assert.Contains("request_uri", Uri.UnescapeDataString(journey.Page.Url));
        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await journey.AtIdpAsync("/account/forgot-password", "forgot-password-corporate-french");
        await journey.Page.GetByLabel("Nom d'utilisateur ou adresse e-mail").FillAsync("fran");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await journey.AtIdpAsync("/account/forgot-password/method", "method-corporate-french");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Continuer" }).ClickAsync();
        await journey.AtIdpAsync("/account/reset-code", "reset-code-corporate-french");
        var sms = (await journey.Servers.Twilio.WaitForMessagesToAsync(JourneyBootstrap.PhoneOf("fran"))).Single().Form["Body"];

        Assert.Equal("fr", await journey.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("corporate", await journey.Page.Locator("body").GetAttributeAsync("data-theme"));
        Assert.Equal("Saisissez votre code", await journey.Page.Locator("h1").TextContentAsync());
        // Written each second by the countdown script, in the page's language.
        Assert.Matches(@"^Vous pourrez demander un nouveau code dans \d+ secondes?\.$",
            await journey.Page.Locator("#resend-hint").TextContentAsync());
        Assert.True(await journey.Page.Locator("img[src*='/themes/corporate/']").First.IsVisibleAsync(), "The corporate logo is shown.");
        Assert.Contains("est votre code pour réinitialiser votre mot de passe", sms);
    }
}
