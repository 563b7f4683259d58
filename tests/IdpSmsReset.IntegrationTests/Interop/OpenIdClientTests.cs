using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>openid-client 6 (the most used Node client), unmodified, against the real server.</summary>
public abstract class OpenIdClientTests(InteropServer server)
{
    private const string Package = "openid-client";

    [SkippableFact]
    public async Task PrivateKeyJwt_TheLibrarysOwnAssertion_TokenIntrospectedThenRevoked()
    {
        server.RequireRunning();
        var output = await NodeScript.RunAsync(Package, "client-credentials.mjs", new Dictionary<string, string>
        {
            ["IDP_ISSUER"] = server.Issuer, ["CLIENT_ID"] = InteropServer.SignedServiceId, ["CLIENT_PRIVATE_JWK"] = server.PrivateJwk,
        });
        var result = JsonDocument.Parse(output).RootElement;

        Assert.Equal("bearer", result.GetProperty("tokenType").GetString()!.ToLowerInvariant());
        Assert.True(result.GetProperty("activeBefore").GetBoolean());
        Assert.Equal(InteropServer.SignedServiceId, result.GetProperty("clientIdBefore").GetString());
        Assert.False(result.GetProperty("activeAfter").GetBoolean());
    }

    [SkippableFact]
    public async Task WebApplication_CodeFlowWithPkce_UserInfoRefreshExchangeIntrospectRevokeAndSignOut()
    {
        server.RequireRunning();
        using var browser = server.CreateBrowser();
        var person = new InteropPerson(browser, InteropServer.UserName, InteropServer.Password);

        var result = await CodeFlowAsync(person, new() { ["CLIENT_ID"] = InteropServer.WebClientId,
            ["CLIENT_SECRET"] = InteropServer.WebClientSecret, ["EXCHANGE_AUDIENCE"] = InteropServer.ApiAudience });
        var account = await browser.OpenAsync("/account/manage");

        Assert.Equal(InteropServer.WebClientId, result.GetProperty("clientId").GetString());
        Assert.Equal(InteropServer.UserName, result.GetProperty("userName").GetString());
        Assert.Equal("pwd", result.GetProperty("acr").GetString());
        Assert.False(string.IsNullOrEmpty(result.GetProperty("sessionId").GetString()));
        Assert.True(result.GetProperty("refreshTokenRotated").GetBoolean());
        Assert.Equal(InteropServer.ApiAudience, result.GetProperty("exchangedAudience").GetString());
        Assert.Equal(InteropServer.WebClientId, result.GetProperty("exchangedActor").GetString());
        Assert.True(result.GetProperty("introspectedActive").GetBoolean());
        Assert.Equal("invalid_grant", result.GetProperty("refreshAfterRevocation").GetString());
        Assert.StartsWith(InteropServer.PostLogoutRedirectUri + "?state=signed-out", result.GetProperty("afterLogout").GetString());
        Assert.Equal("/account/login", account.Path);
    }

    [SkippableFact]
    public async Task BrowserApplication_PushedRequest_PublicClientRefreshesAndRevokes()
    {
        server.RequireRunning();
        using var browser = server.CreateBrowser();
        var person = new InteropPerson(browser, InteropServer.UserName, InteropServer.Password);

        var result = await CodeFlowAsync(person, new() { ["CLIENT_ID"] = InteropServer.SpaClientId, ["USE_PAR"] = "1" });

        Assert.Equal(["/account/login"], person.PagesSeen);
        Assert.Equal(InteropServer.SpaClientId, result.GetProperty("clientId").GetString());
        Assert.Contains("offline_access", result.GetProperty("refreshedScope").GetString());
        Assert.Equal("invalid_grant", result.GetProperty("refreshAfterRevocation").GetString());
    }

    [SkippableFact]
    public async Task Agent_RegistersItselfOpenly_ThenSignsAUserInAfterTheirConsent()
    {
        server.RequireRunning();
        using var browser = server.CreateBrowser();
        var person = new InteropPerson(browser, InteropServer.UserName, InteropServer.Password);

        var result = await CodeFlowAsync(person, new() { ["REGISTER"] = "1" });

        Assert.StartsWith("dcr_", result.GetProperty("clientId").GetString());
        Assert.Equal(["/account/login", "/connect/consent"], person.PagesSeen);
        Assert.Equal(InteropServer.UserName, result.GetProperty("userName").GetString());
    }

    [SkippableFact]
    public async Task Device_ShowsACode_PersonApprovesElsewhere_LibraryPollsItsTokens()
    {
        server.RequireRunning();
        using var browser = server.CreateBrowser();
        var person = new InteropPerson(browser, InteropServer.UserName, InteropServer.Password);
        var approved = "";

        var output = await NodeScript.ConverseAsync(Package, "device-flow.mjs", Environment(new()
        {
            ["CLIENT_ID"] = InteropServer.DeviceClientId,
        }), browse: _ => throw new InvalidOperationException("A device has no browser."),
            device: async url => approved = await person.ApproveDeviceAsync(url));
        var result = JsonDocument.Parse(output).RootElement;

        Assert.Equal("/connect/verify/approved", approved);
        Assert.False(string.IsNullOrEmpty(result.GetProperty("subject").GetString()));
        Assert.True(result.GetProperty("hasRefreshToken").GetBoolean());
    }

    private async Task<JsonElement> CodeFlowAsync(InteropPerson person, Dictionary<string, string> settings) =>
        JsonDocument.Parse(await NodeScript.ConverseAsync(Package, "code-flow.mjs", Environment(settings), person.BrowseAsync))
            .RootElement;

    private Dictionary<string, string> Environment(Dictionary<string, string> settings)
    {
        settings["IDP_ISSUER"] = server.Issuer;
        settings["REDIRECT_URI"] = InteropServer.RedirectUri;
        settings["POST_LOGOUT_REDIRECT_URI"] = InteropServer.PostLogoutRedirectUri;
        return settings;
    }
}

public sealed class OpenIdClientTestsOnSqlite(SqliteInteropServer server) : OpenIdClientTests(server),
    IClassFixture<SqliteInteropServer>;

public sealed class OpenIdClientTestsOnPostgreSql(PostgreSqlInteropServer server) : OpenIdClientTests(server),
    IClassFixture<PostgreSqlInteropServer>;
