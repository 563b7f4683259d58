namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>A person going through "Forgot password?" in the browser.</summary>
public static class PasswordResetSteps
{
    public const string NewPassword = "a brand new passphrase for me";

    /// <summary>Gives the name and chooses SMS; returns the code entry page.</summary>
    public static async Task<BrowserPage> StartResetAsync(this TestBrowser browser, string login, string? returnUrl = null)
    {
        var start = await browser.OpenAsync(returnUrl is null ? "/account/forgot-password"
            : $"/account/forgot-password?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        var method = await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = login });
        return await browser.SubmitAsync(method, new Dictionary<string, string> { ["Choice"] = "sms" });
    }

    public static Task<BrowserPage> SubmitResetCodeAsync(this TestBrowser browser, BrowserPage page, string code) =>
        browser.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = code }, formSelector: "form[action*='handler=Verify']");

    public static Task<BrowserPage> RequestNewResetCodeAsync(this TestBrowser browser, BrowserPage page) =>
        browser.SubmitAsync(page, formSelector: "form[action*='handler=Send']");

    public static Task<BrowserPage> SetNewPasswordAsync(this TestBrowser browser, BrowserPage page, string password = NewPassword) =>
        browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password });

    /// <summary>A code that is surely not <paramref name="code"/>.</summary>
    public static string Other(string code) => code == "000000" ? "111111" : "000000";
}
