using Microsoft.Extensions.DependencyInjection;
using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Theming;

/// <summary>The theme of the application the user signs in to, on every hosted page of the flow.</summary>
public abstract class ThemeSelectionTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task LoginPage_ThousandsOfMadeUpClientIds_CacheHoldsOnlyRegisteredApplications()
    {
        using var browser = Factory.CreateBrowser();
        await browser.OpenAsync(
            "/account/login?ReturnUrl=" + Uri.EscapeDataString("/connect/authorize?client_id=" + TestBootstrap.WebClientId));

        for (var i = 0; i < 1_500; i++)
        {
            await browser.Client.GetAsync(
                "/account/login?ReturnUrl=" + Uri.EscapeDataString($"/connect/authorize?client_id=made-up-{i}-{Guid.NewGuid():n}"));
        }

        // Four applications are registered; none of the made-up ids may stay in memory.
        Assert.InRange(Factory.Services.GetRequiredService<IdpSmsReset.Server.Theming.ThemeResolver>().CachedCount, 1, 4);
    }

    [SkippableFact]
    public async Task ApplicationWithTheCorporateTheme_LoginAndResetPagesShowIt()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();

        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.ConsentClientId,
            AuthorizationRequests.NewPkce().Challenge));
        var forgot = await browser.OpenAsync(login.Document.GetElementById("forgot-password")!.GetAttribute("href")!);
        var codePage = await browser.StartResetAsync("fred");
        var stylesheet = await browser.Client.GetAsync("/themes/corporate/theme.css");
        var colors = await browser.Client.GetStringAsync("/themes/corporate/colors.css");

        Assert.Equal("corporate", login.Document.Body!.GetAttribute("data-theme"));
        Assert.Contains("Acme Corporation · Secure sign-in", login.Text);
        Assert.Equal("corporate", forgot.Document.Body!.GetAttribute("data-theme"));
        Assert.Equal("corporate", codePage.Document.Body!.GetAttribute("data-theme"));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.Contains("--accent: #a4161a;", colors);
    }

    [SkippableFact]
    public async Task AdministratorSetsTheme_UnknownRefused_ChosenOneShownAtOnce()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var edit = await admin.OpenAsync("/admin/applications/edit?clientId=" + TestBootstrap.WebClientId);

        var refused = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Theme"] = "neon" },
            formSelector: "form[action*='handler=Save']");
        var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.Theme"] = "midnight" },
            formSelector: "form[action*='handler=Save']");
        using var browser = Factory.CreateBrowser();
        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId,
            AuthorizationRequests.NewPkce().Challenge));

        Assert.Equal("'neon' is not a theme; use 'corporate', 'default', 'midnight'.", refused.FieldError("theme-error"));
        Assert.Contains($"The application '{TestBootstrap.WebClientId}' was saved.", saved.Text);
        Assert.Equal("midnight", login.Document.Body!.GetAttribute("data-theme"));
    }

    [SkippableFact]
    public async Task ApplicationWithoutTheme_DefaultTheme_ThemeManifestNotServed()
    {
        using var browser = Factory.CreateBrowser();

        var login = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            AuthorizationRequests.NewPkce().Challenge));
        var manifest = await browser.Client.GetAsync("/themes/default/theme.json");
        var layout = await browser.Client.GetAsync("/themes/corporate/layout.html");

        Assert.Equal("default", login.Document.Body!.GetAttribute("data-theme"));
        Assert.Equal(HttpStatusCode.NotFound, manifest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, layout.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/themes/corporate/strings.es.json")).StatusCode);
    }
}

public sealed class ThemeSelectionTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : ThemeSelectionTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;
