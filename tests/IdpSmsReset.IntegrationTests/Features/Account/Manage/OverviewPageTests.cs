using Duende.IdentityModel.Client;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Account.Manage;

/// <summary>The account page's list of sessions, and ending them.</summary>
public abstract class OverviewPageTests
{
    private readonly IdpFactory _factory;

    protected OverviewPageTests(IdpFactory factory)
    {
        _factory = factory;
        // Every request re-checks the session: what another browser sees within a minute, it sees at once here.
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    [SkippableFact]
    public async Task SignedOut_AccountPage_GoesToLoginAndBack()
    {
        using var browser = _factory.CreateBrowser();

        var page = await browser.OpenAsync("/account/manage");

        Assert.Equal("/account/login", page.Path);
        Assert.Equal("/account/manage", page.InputValue("ReturnUrl"));
    }

    [SkippableFact]
    public async Task AllowedApplication_AccessRemoved_ItsTokensStopAndItAsksForConsentAgain()
    {
        using var browser = _factory.CreateBrowser();
        var agent = new UserAgent(browser, "heidi", TestBootstrap.Password);
        var client = OidcClients.Create(_factory, agent, TestBootstrap.ConsentClientId, TestBootstrap.WebClientSecret,
            "openid profile");
        var first = await client.LoginAsync();
        using var backchannel = OidcClients.Backchannel(_factory);

        var page = await browser.OpenAsync("/account/manage");
        var listed = page.Document.QuerySelector($"tr[data-application='{TestBootstrap.ConsentClientId}']")?.TextContent;
        var removed = await browser.SubmitAsync(page, formSelector: $"tr[data-application='{TestBootstrap.ConsentClientId}'] form");
        var userInfo = await backchannel.GetUserInfoAsync(new UserInfoRequest
        {
            Address = "/connect/userinfo", Token = first.AccessToken,
        });
        agent.PagesSeen.Clear();
        var again = await client.LoginAsync();

        Assert.False(first.IsError, first.Error);
        Assert.Contains("Consent Web", listed);
        Assert.Contains("no longer has access to your account", removed.Text);
        Assert.Null(removed.Document.QuerySelector($"tr[data-application='{TestBootstrap.ConsentClientId}']"));
        Assert.True(userInfo.IsError);
        Assert.Contains("/connect/consent", agent.PagesSeen);
        Assert.False(again.IsError, again.Error);
        Assert.Single(await _factory.AuditEventsOfAsync("heidi"), e => e.Type == Core.Audit.AuditEventTypes.ConsentRevoked
            && e.Actor == "heidi");
    }

    [SkippableFact]
    public async Task Sessions_NamedByBrowserAndSystem_TheFullAgentKeptAsTheCellsTitle()
    {
        const string firefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        const string safariOnIphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.5 Mobile/15E148 Safari/604.1";
        using var laptop = _factory.CreateBrowser();
        laptop.Client.DefaultRequestHeaders.UserAgent.ParseAdd(firefoxOnLinux);
        using var phone = _factory.CreateBrowser();
        phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd(safariOnIphone);
        foreach (var browser in new[] { laptop, phone })
        {
            await browser.SubmitAsync(await browser.OpenAsync("/account/login"), new Dictionary<string, string>
            {
                ["Input.UserName"] = "erin", ["Input.Password"] = TestBootstrap.Password,
            });
        }

        var overview = await laptop.OpenAsync("/account/manage");

        var browsers = overview.Document.QuerySelectorAll("tr[data-session] td:first-child")
            .Select(cell => (Shown: cell.TextContent.Trim(), Title: cell.GetAttribute("title"))).ToList();
        Assert.Contains(("Firefox 128 · Linux", firefoxOnLinux), browsers);
        Assert.Contains(("Mobile Safari 17 · iOS 17", safariOnIphone), browsers);
    }

    [SkippableFact]
    public async Task EndOneSession_ThatBrowserIsSignedOut_ThisOneStays()
    {
        using var laptop = await _factory.CreateSignedInBrowserAsync("dave");
        using var phone = await _factory.CreateSignedInBrowserAsync("dave");
        var overview = await laptop.OpenAsync("/account/manage");

        var ended = await laptop.SubmitAsync(overview, formSelector: "form[action*='handler=EndSession']");
        var phoneAfter = await phone.OpenAsync("/account/manage");
        var laptopAfter = await laptop.OpenAsync("/account/manage");

        Assert.Equal(2, overview.Document.QuerySelectorAll("tr[data-session]").Length);
        Assert.Contains("This browser", overview.Text);
        Assert.Contains("The session was ended.", ended.Text);
        Assert.Single(ended.Document.QuerySelectorAll("tr[data-session]"));
        Assert.Equal("/account/login", phoneAfter.Path);
        Assert.Equal("/account/manage", laptopAfter.Path);
    }

    [SkippableFact]
    public async Task SignOutEverywhereElse_EndsAllOtherBrowsers()
    {
        using var first = await _factory.CreateSignedInBrowserAsync("erin");
        using var second = await _factory.CreateSignedInBrowserAsync("erin");
        using var third = await _factory.CreateSignedInBrowserAsync("erin");

        var ended = await first.SubmitAsync(await first.OpenAsync("/account/manage"),
            formSelector: "form[action*='handler=EndOtherSessions']");

        Assert.Contains("2 other sessions were ended.", ended.Text);
        Assert.Equal("/account/login", (await second.OpenAsync("/account/manage")).Path);
        Assert.Equal("/account/login", (await third.OpenAsync("/account/manage")).Path);
        Assert.Equal("/account/manage", (await first.OpenAsync("/account/manage")).Path);
        Assert.Contains(await _factory.AuditEventsOfAsync("erin"), e => e.Type == Core.Audit.AuditEventTypes.SessionEnded
            && e.Actor == "erin" && e.Details == "The user ended every other session.");
    }

    [SkippableFact]
    public async Task SignOutThroughRelyingApp_SessionNoLongerListed()
    {
        using var kept = await _factory.CreateSignedInBrowserAsync("grace");
        using var leaving = await _factory.CreateSignedInBrowserAsync("grace");

        var signedOut = await leaving.SubmitAsync(await leaving.OpenAsync("/connect/endsession"));
        var overview = await kept.OpenAsync("/account/manage");

        Assert.Equal("/", signedOut.Path);
        Assert.Single(overview.Document.QuerySelectorAll("tr[data-session]"));
    }
}

public sealed class OverviewPageTestsOnSqlite(SqliteIdpFactory factory) : OverviewPageTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class OverviewPageTestsOnPostgreSql(PostgreSqlIdpFactory factory) : OverviewPageTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
