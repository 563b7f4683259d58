using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Shared;

/// <summary>Every account and dashboard page says who is signed in, offers the way out, and marks where the reader is.</summary>
public abstract class SignedInAsTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task AccountPage_NamesTheUser_OffersSignOut_MarksTheCurrentPageOnly()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");

        var phone = await browser.OpenAsync("/account/manage/phone");

        Assert.Contains("Signed in as alice", phone.Document.GetElementById("signed-in-as")!.TextContent);
        Assert.NotNull(phone.Document.QuerySelector("#signed-in-as a[href='/account/logout']"));
        var current = Assert.Single(phone.Document.QuerySelectorAll("nav.manage-nav a[aria-current='page']"));
        Assert.Equal("/account/manage/phone", current.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Dashboard_NamesTheAdministrator_MarksTheSectionOnItsInnerPages()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var overview = await admin.OpenAsync("/admin");
        var newUser = await admin.OpenAsync("/admin/users/edit");

        Assert.Contains($"Signed in as {TestBootstrap.AdminUserName}", overview.Document.GetElementById("signed-in-as")!.TextContent);
        Assert.Equal("/admin",
            Assert.Single(overview.Document.QuerySelectorAll("nav.admin-nav a[aria-current='page']")).GetAttribute("href"));
        Assert.Equal("/admin/users",
            Assert.Single(newUser.Document.QuerySelectorAll("nav.admin-nav a[aria-current='page']")).GetAttribute("href"));
    }
}

public sealed class SignedInAsTestsOnSqlite(SqliteIdpFactory factory) : SignedInAsTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class SignedInAsTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : SignedInAsTests(factory), IClassFixture<PostgreSqlIdpFactory>;
