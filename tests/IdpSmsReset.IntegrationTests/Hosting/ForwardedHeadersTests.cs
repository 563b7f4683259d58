using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account.ForgotPassword;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy listed in Idp:ForwardedHeaders: the client's address and scheme come from
/// X-Forwarded-For and X-Forwarded-Proto; from anyone else those headers are ignored; the host never comes from them.
/// </summary>
public sealed class ForwardedHeadersTests : TwilioBackedTests, IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>
{
    private const string Proxy = "10.0.0.5";
    private readonly SqliteIdpFactory _factory;

    public ForwardedHeadersTests(SqliteIdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        _factory = factory;
        factory.Settings["Idp:ForwardedHeaders:KnownProxies:0"] = Proxy;
        factory.Settings["Idp:PasswordReset:Limits:PerIpAddressPerHour"] = "1";
    }

    [SkippableFact]
    public async Task UsersBehindTheProxy_EachCountedByTheirOwnAddress()
    {
        var first = await StartResetAsync(from: Proxy, forwardedFor: "203.0.113.1");
        var second = await StartResetAsync(from: Proxy, forwardedFor: "203.0.113.2");
        var firstAgain = await StartResetAsync(from: Proxy, forwardedFor: "203.0.113.1");

        Assert.Equal("/account/forgot-password/method", first.Path);
        Assert.Equal("/account/forgot-password/method", second.Path);
        Assert.Contains(ForgotPasswordModel.TooManyRequests, firstAgain.Text);
    }

    [SkippableFact]
    public async Task ForwardedForFromAnUnlistedAddress_Ignored()
    {
        var first = await StartResetAsync(from: "198.51.100.50", forwardedFor: "203.0.113.60");
        var second = await StartResetAsync(from: "198.51.100.50", forwardedFor: "203.0.113.61");

        Assert.Equal("/account/forgot-password/method", first.Path);
        Assert.Contains(ForgotPasswordModel.TooManyRequests, second.Text);
    }

    [SkippableFact]
    public async Task HttpsAtTheProxy_CookiesSecure_HostNeverTakenFromHeaders()
    {
        using var browser = _factory.CreateBrowserFrom(Proxy);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");

        using var language = await browser.Client.GetAsync("/language?culture=fr&returnUrl=/");
        var discovery = JsonDocument.Parse(await browser.Client.GetStringAsync("/.well-known/openid-configuration")).RootElement;

        Assert.Contains("secure", language.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(IdpFactory.Origin + "/", discovery.GetProperty("issuer").GetString());
        Assert.DoesNotContain("evil.example", discovery.GetRawText());
    }

    private async Task<BrowserPage> StartResetAsync(string from, string forwardedFor)
    {
        await _factory.ConfigureSmsFactorAsync();
        using var browser = _factory.CreateBrowserFrom(from);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var start = await browser.OpenAsync("/account/forgot-password");
        return await browser.SubmitAsync(start, new Dictionary<string, string> { ["Input.Login"] = "nobody" });
    }
}
