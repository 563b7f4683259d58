using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>RP-initiated logout.</summary>
public abstract class EndSessionEndpointTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task EndSession_WithIdTokenHintAndRegisteredUri_EndsSessionAndReturnsToApplication()
    {
        using var browser = factory.CreateBrowser();
        var client = OidcClients.Create(factory, new UserAgent(browser, "alice", TestBootstrap.Password), TestBootstrap.WebClientId,
            TestBootstrap.WebClientSecret);
        var login = await client.LoginAsync();

        var page = await browser.OpenAsync(EndSessionUrl(login.IdentityToken, TestBootstrap.PostLogoutRedirectUri));
        var silent = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal(TestBootstrap.PostLogoutRedirectUri + "?state=bye", page.ExternalRedirect?.ToString());
        Assert.Equal("login_required", silent["error"]);
    }

    [SkippableFact]
    public async Task EndSession_WithoutIdTokenHint_AsksBeforeSigningOut()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("bob");

        var confirmation = await browser.OpenAsync("/connect/endsession");
        var home = await browser.SubmitAsync(confirmation);
        var silent = await AuthorizationRequests.SilentAsync(browser);

        Assert.Equal("/account/logout", confirmation.Path);
        Assert.Contains("Do you want to sign out", confirmation.Text);
        Assert.Contains("You are signed out.", home.Text);
        Assert.Equal("login_required", silent["error"]);
    }

    [SkippableFact]
    public async Task EndSession_PostWithoutAntiforgeryToken_DoesNotSignOut()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("carol");

        var page = await browser.PostAsync(new Uri(IdpFactory.Origin + "/connect/endsession"), []);
        var silent = await AuthorizationRequests.SilentAsync(browser);

        Assert.Contains("This form has expired", page.Text);
        Assert.True(silent.ContainsKey("code"));
    }

    [SkippableFact]
    public async Task EndSession_UnregisteredPostLogoutUri_ShowsErrorPageWithoutRedirect()
    {
        using var browser = factory.CreateBrowser();

        var page = await browser.OpenAsync("/connect/endsession?post_logout_redirect_uri=" + Uri.EscapeDataString("https://evil.example/"));

        Assert.Null(page.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This sign-in request cannot continue", page.Text);
    }

    private static string EndSessionUrl(string idToken, string postLogoutRedirectUri) =>
        "/connect/endsession?id_token_hint=" + Uri.EscapeDataString(idToken)
        + "&post_logout_redirect_uri=" + Uri.EscapeDataString(postLogoutRedirectUri) + "&state=bye";
}

public sealed class EndSessionEndpointTestsOnSqlite(SqliteIdpFactory factory) : EndSessionEndpointTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class EndSessionEndpointTestsOnPostgreSql(PostgreSqlIdpFactory factory) : EndSessionEndpointTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
