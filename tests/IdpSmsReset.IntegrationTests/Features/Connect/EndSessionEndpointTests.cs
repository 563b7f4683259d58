using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task EndSession_IdTokenHintOfThisUserWithoutSid_AsksBeforeSigningOut()
    {
        using var browser = factory.CreateBrowser();
        var client = OidcClients.Create(factory, new UserAgent(browser, "carol", TestBootstrap.Password), TestBootstrap.WebClientId,
            TestBootstrap.WebClientSecret);
        var login = await client.LoginAsync();

        // As an ID token issued before sessions were named, or by a grant that names none: valid, this user's, no sid.
        var page = await browser.OpenAsync(EndSessionUrl(WithoutSid(login.IdentityToken), TestBootstrap.PostLogoutRedirectUri));

        Assert.Equal("/account/logout", page.Path);
        Assert.Equal("/account/manage", (await browser.OpenAsync("/account/manage")).Path);
    }

    private string WithoutSid(string idToken)
    {
        var original = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(idToken);
        var claims = System.Text.Json.JsonDocument.Parse(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(
            idToken.Split('.')[1])).RootElement.EnumerateObject().Where(claim => claim.Name != "sid")
            .ToDictionary(claim => claim.Name, claim => (object)claim.Value.Clone());
        var server = factory.Services
            .GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OpenIddict.Server.OpenIddictServerOptions>>();
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Claims = claims, TokenType = original.Typ,
                SigningCredentials = server.CurrentValue.SigningCredentials.First(credentials =>
                    credentials.Key.KeyId == original.Kid || original.Kid is null),
            });
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
