using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin;

/// <summary>With Idp:Admin:RequireMfa (the default), the dashboard opens only to a session that showed a second factor.</summary>
public abstract class AdminMfaTests
{
    private readonly IdpFactory _factory;

    protected AdminMfaTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:Admin:RequireMfa"] = "true";
        // Every request renews the cookie from the user, so a role given after sign-in shows at once.
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    [SkippableFact]
    public async Task AdministratorWithoutAFactor_SignsIn_SentToEnrolBeforeTheDashboard_ThenItOpens()
    {
        using var browser = _factory.CreateBrowser();

        var enrol = await browser.SubmitPasswordAsync(TestBootstrap.AdminUserName, returnUrl: "/admin/users");
        var key = enrol.Document.GetElementById("authenticator-key")!.TextContent;
        var enrolled = await browser.SubmitAsync(enrol, new Dictionary<string, string> { ["Setup.Code"] = Phone.AuthenticatorCode(key) },
            formSelector: "form[action*='handler=App']");
        var dashboard = await browser.OpenAsync("/admin/users");
        var jobs = await browser.OpenAsync("/admin/jobs");

        Assert.Equal("/account/second-factor/enrol", enrol.Path);
        Assert.Equal(10, enrolled.Document.QuerySelectorAll(".codes li").Length);
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal("/admin/users", dashboard.Path);
        Assert.Equal(HttpStatusCode.OK, jobs.Status);
    }

    [SkippableTheory]
    [InlineData("/admin", "frank")]
    [InlineData("/admin/jobs", "dave")]
    public async Task PasswordOnlySessionOfAnAdministrator_SentToSignInAgain(string path, string userName)
    {
        using var browser = _factory.CreateBrowser();
        // A session from before the role was given: the password alone, no second factor.
        await browser.SubmitPasswordAsync(userName);

        await _factory.ChangeUserAsync(userName, (users, user) => users.AddToRoleAsync(user, "admin"));
        var page = await browser.OpenAsync(path);

        Assert.Equal("/account/login", page.Path);
        Assert.Equal(path, page.InputValue("ReturnUrl"));
    }
}

public sealed class AdminMfaTestsOnSqlite(SqliteIdpFactory factory) : AdminMfaTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class AdminMfaTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AdminMfaTests(factory), IClassFixture<PostgreSqlIdpFactory>;
