using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Audit;

/// <summary>/admin/audit, filtered by type, user and date.</summary>
public abstract class AuditPageTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task FilterByUserAndType_ShowsOnlyThose_BadDateSaidAndIgnored()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        foreach (var name in new[] { "bob", "carol" })
        {
            var list = await admin.OpenAsync($"/admin/users?search={name}");
            var edit = await admin.OpenAsync(list.Document.QuerySelector($"tr[data-user='{name}'] a")!.GetAttribute("href")!);
            await admin.SubmitAsync(edit, formSelector: "form[action*='handler=Unlock']");
        }

        var bobOnly = await admin.OpenAsync("/admin/audit?Type=admin.user-unlocked&user=bob");
        var today = factory.Clock.GetUtcNow().ToString("yyyy-MM-dd");
        var badDate = await admin.OpenAsync($"/admin/audit?Type=admin.user-unlocked&from=someday&to={today}");

        Assert.Single(bobOnly.Document.QuerySelectorAll("tr[data-type]"));
        Assert.Contains("bob", bobOnly.Document.QuerySelector("tr[data-type]")!.TextContent);
        Assert.Contains("'someday' is not a date like 2026-11-25; the from filter is ignored.", badDate.Text);
        Assert.Equal(2, badDate.Document.QuerySelectorAll("tr[data-type]").Length);
    }
}

public sealed class AuditPageTestsOnSqlite(SqliteIdpFactory factory) : AuditPageTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class AuditPageTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AuditPageTests(factory), IClassFixture<PostgreSqlIdpFactory>;
