namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>What a person does in the browser during a sign-in with a second factor.</summary>
public static class SecondFactorSteps
{
    /// <summary>Sets up an authenticator app on the account page of a signed-in browser; returns the key the app holds.</summary>
    public static async Task<string> AddAuthenticatorAsync(this TestBrowser signedIn)
    {
        var page = await signedIn.OpenAsync("/account/manage/authenticator");
        var key = page.Document.GetElementById("authenticator-key")!.TextContent;
        var added = await signedIn.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Setup.Code"] = Phone.AuthenticatorCode(key), ["CurrentPassword"] = TestBootstrap.Password,
        }, formSelector: "form[action*='handler=Add']");
        Assert.Equal(10, added.Document.QuerySelectorAll(".codes li").Length);
        return key;
    }

    /// <summary>Signs in with the password on the login page and returns where the browser lands.</summary>
    public static async Task<BrowserPage> SubmitPasswordAsync(this TestBrowser browser, string userName, string? returnUrl = null)
    {
        var login = await browser.OpenAsync(returnUrl is null ? "/account/login"
            : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        return await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestBootstrap.Password,
        });
    }

    public static Task<BrowserPage> SubmitCodeAsync(this TestBrowser browser, BrowserPage page, string code) =>
        browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Code"] = code }, formSelector: "form[action*='handler=Verify']");
}
