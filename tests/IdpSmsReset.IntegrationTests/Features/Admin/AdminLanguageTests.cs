using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Admin;

/// <summary>The dashboard follows the administrator's language like the hosted pages: Spanish and French besides English.</summary>
public abstract class AdminLanguageTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Overview_BrowserInFrench_NavigationCountsAndChartsInFrench()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var page = await admin.OpenAsync("/admin");

        Assert.Equal("fr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Vue d'ensemble", "Politiques", "Facteurs", "Utilisateurs", "Applications", "Fournisseurs d'identité", "Webhooks",
            "Clés", "Messages", "Audit", "Tâches"],
            page.Document.QuerySelectorAll("nav.admin-nav a").Select(link => link.TextContent.Trim()));
        Assert.Contains("SMS envoyés, dernières 24 h",
            page.Document.QuerySelector("ul.figures")!.TextContent);
        Assert.Equal("Connexions", page.Document.QuerySelector("#chart-day-sign-ins-title")!.TextContent);
        Assert.Equal("Entonnoir de réinitialisation du mot de passe", page.Document.QuerySelector("#chart-week-resets-title")!.TextContent);
        Assert.Equal(["Dernières 24 heures (UTC)", "7 derniers jours (UTC)"],
            page.Document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal("Menu", page.Document.QuerySelector("button.menu-toggle")!.TextContent);
    }

    [SkippableFact]
    public async Task AuditLog_BrowserInSpanish_DatesInTheOneSpanishForm()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var page = await admin.OpenAsync("/admin/audit");

        var first = page.Document.QuerySelector("table.sessions tbody tr td")!.TextContent;
        var expected = new System.Globalization.CultureInfo("es").DateTimeFormat.GetAbbreviatedMonthName(DateTime.UtcNow.Month);
        Assert.Matches($@"^\d{{1,2}} {System.Text.RegularExpressions.Regex.Escape(expected)} \d{{4}}, \d{{2}}:\d{{2}}:\d{{2}}$", first);
    }

    [SkippableFact]
    public async Task Policies_BrowserInFrench_MfaColumnInFrench()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");

        var list = await admin.OpenAsync("/admin/policies");

        // "required" and "Required" were one resource name (they are case-insensitive): the label's word came back here.
        Assert.EndsWith("· MFA obligatoire",
            list.Document.QuerySelector($"tr[data-policy='{TestBootstrap.MfaPolicyName}'] td:nth-child(3)")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task Users_BrowserInSpanish_ListAndEditorInSpanish()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");

        var list = await admin.OpenAsync("/admin/users?search=alice");
        var editor = await admin.OpenAsync("/admin/users/edit");

        Assert.Equal("Usuarios", list.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("1 usuario coincide con «alice».", list.Document.GetElementById("user-count")!.TextContent);
        Assert.Equal("Nuevo usuario", editor.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Guardar", editor.Document.QuerySelector("form button[type=submit]")!.TextContent);
    }
}

public sealed class AdminLanguageTestsOnSqlite(SqliteIdpFactory factory) : AdminLanguageTests(factory), IClassFixture<SqliteIdpFactory>;
