using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin;

/// <summary>Every dashboard page: the login page when signed out, 403 for a user without the role, the page for an administrator.</summary>
public abstract class AdminAccessTests(IdpFactory factory)
{
    public static TheoryData<string> Pages =>
        ["/admin", "/admin/policies", "/admin/policies/edit", "/admin/factors", "/admin/users", "/admin/users/edit",
            "/admin/users/send-reset-code", "/admin/applications", "/admin/applications/edit", "/admin/messages", "/admin/audit"];

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_OnlyForAdministrators(string path)
    {
        using var anonymous = factory.CreateBrowser();
        using var user = await factory.CreateSignedInBrowserAsync("frank");
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var signedOut = await anonymous.OpenAsync(path);
        var forbidden = await user.OpenAsync(path);
        var allowed = await admin.OpenAsync(path);

        Assert.Equal("/account/login", signedOut.Path);
        Assert.Equal(path, signedOut.InputValue("ReturnUrl"));
        Assert.Equal("/error/403", forbidden.Path);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(path, allowed.Path);
    }

    [SkippableFact]
    public async Task PostWithoutAntiforgeryToken_Refused()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var response = await admin.Client.PostAsync("/admin/policies/edit", new FormUrlEncodedContent(new Dictionary<string,
            string> { ["Name"] = "Sneaky" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class AdminAccessTestsOnSqlite(SqliteIdpFactory factory) : AdminAccessTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class AdminAccessTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AdminAccessTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
