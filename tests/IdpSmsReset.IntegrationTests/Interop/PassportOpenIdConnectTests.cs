using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Interop;

/// <summary>passport-openidconnect 0.1 in an Express application (the most used Node web stack), unmodified.</summary>
public abstract class PassportOpenIdConnectTests(InteropServer server)
{
    [SkippableFact]
    public async Task ExpressApplication_CodeFlowWithItsSecret_TheUserIsInTheApplicationsSession()
    {
        server.RequireRunning();
        using var browser = server.CreateBrowser();
        var person = new InteropPerson(browser, InteropServer.UserName, InteropServer.Password);

        var output = await NodeScript.ConverseAsync("passport-openidconnect", "web-app.mjs", new Dictionary<string, string>
        {
            ["IDP_ISSUER"] = server.Issuer, ["APP_PORT"] = server.ExpressPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLIENT_ID"] = InteropServer.ExpressClientId, ["CLIENT_SECRET"] = InteropServer.ExpressClientSecret,
        }, async login =>
        {
            // Through the application to the identity provider and back: the application redeems the code at its callback.
            var callback = await person.BrowseAsync(login);
            var landed = await browser.OpenAsync(callback);
            var profile = await browser.OpenAsync(landed.ExternalRedirect!.ToString());
            return profile.Html.Trim();
        });
        var user = JsonDocument.Parse(output).RootElement;

        Assert.Equal(JsonValueKind.Object, user.ValueKind);
        Assert.Equal(server.Issuer, user.GetProperty("issuer").GetString());
        Assert.Equal(InteropServer.UserName, user.GetProperty("username").GetString());
        Assert.Equal(["/account/login"], person.PagesSeen);
    }
}

public sealed class PassportOpenIdConnectTestsOnSqlite(SqliteInteropServer server) : PassportOpenIdConnectTests(server),
    IClassFixture<SqliteInteropServer>;

public sealed class PassportOpenIdConnectTestsOnPostgreSql(PostgreSqlInteropServer server) : PassportOpenIdConnectTests(server),
    IClassFixture<PostgreSqlInteropServer>;
