using System.Text.RegularExpressions;
using OtpNet;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>What a person does with their phone during a sign-in: read the SMS code, or the authenticator app's code.</summary>
public static partial class SecondFactorSteps
{
    /// <summary>Waits until more than <paramref name="seenBefore"/> messages reached <paramref name="phone"/>.</summary>
    public static async Task WaitForMoreMessagesAsync(this FakeTwilio twilio, string phone, int seenBefore)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (twilio.MessagesTo(phone).Count <= seenBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>The code in the newest SMS to <paramref name="phone"/>, once more than <paramref name="seenBefore"/> messages arrived there.</summary>
    public static async Task<string> NextSmsCodeAsync(this FakeTwilio twilio, string phone, int seenBefore)
    {
        await twilio.WaitForMoreMessagesAsync(phone, seenBefore);
        var messages = twilio.MessagesTo(phone);
        Assert.True(messages.Count > seenBefore, $"No new SMS reached {phone}.");
        return CodeIn(messages[^1].Form["Body"]);
    }

    /// <summary>The code of the origin-bound last line (<c>@host #123456</c>), as a phone's autofill reads it.</summary>
    public static string CodeIn(string body)
    {
        var match = OriginBoundLine().Match(body);
        Assert.True(match.Success, $"No origin-bound code line in: {body}");
        return match.Groups["code"].Value;
    }

    /// <summary>The authenticator app's code for the key shown at set-up, <paramref name="stepsAhead"/> 30-second steps from now.</summary>
    public static string AuthenticatorCode(string shownKey, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", ""))).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    /// <summary>Sets up an authenticator app on the account page of a signed-in browser; returns the key the app holds.</summary>
    public static async Task<string> AddAuthenticatorAsync(this TestBrowser signedIn)
    {
        var page = await signedIn.OpenAsync("/account/manage/authenticator");
        var key = page.Document.GetElementById("authenticator-key")!.TextContent;
        var added = await signedIn.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Setup.Code"] = AuthenticatorCode(key), ["CurrentPassword"] = TestBootstrap.Password,
        }, formSelector: "form[action*='handler=Add']");
        Assert.Equal(10, added.Document.QuerySelectorAll(".codes li").Length);
        return key;
    }

    /// <summary>Signs in with the password on the login page and returns where the browser lands.</summary>
    public static async Task<BrowserPage> SubmitPasswordAsync(this TestBrowser browser, string userName, string? returnUrl = null)
    {
        var login = await browser.OpenAsync(returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        return await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = TestBootstrap.Password,
        });
    }

    public static Task<BrowserPage> SubmitCodeAsync(this TestBrowser browser, BrowserPage page, string code) =>
        browser.SubmitAsync(page, new Dictionary<string, string> { ["Input.Code"] = code }, formSelector: "form[action*='handler=Verify']");

    [GeneratedRegex(@"\n@(?<host>[^\s#]+) #(?<code>\d{6,8})$")]
    private static partial Regex OriginBoundLine();
}
