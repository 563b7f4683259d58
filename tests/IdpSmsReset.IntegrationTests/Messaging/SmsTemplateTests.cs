using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>Messages reworded by administrators, as the phone shows them.</summary>
public abstract class SmsTemplateTests : TwilioBackedTests
{
    protected SmsTemplateTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
    }

    [SkippableFact]
    public async Task FrenchTemplateStored_FrenchResetSmsSaysIt_WithTheOriginLine_OtherLanguagesKeepTheirs()
    {
        await Factory.ConfigureSmsFactorAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            database.Add(new SmsTemplate { Purpose = SmsTemplatePurposes.ResetCode, Language = "fr",
                Text = "Code {code} pour {product}, valable {minutes}." });
            await database.SaveChangesAsync();
            await Factory.Services.GetRequiredService<SmsTemplateCatalog>().LoadAsync(database, CancellationToken.None);
        }

        using var french = Factory.CreateBrowser();
        french.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        using var english = Factory.CreateBrowser();

        await french.StartResetAsync("wade");
        var frenchBody = (await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("wade"))).Single().Form["Body"];
        await english.StartResetAsync("cole");
        var englishBody = (await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("cole"))).Single().Form["Body"];
        var code = Phone.CodeIn(frenchBody);

        Assert.Equal($"Code {code} pour localhost, valable 10 minutes.\n\n@localhost #{code}", frenchBody);
        Assert.StartsWith($"{Phone.CodeIn(englishBody)} is your code to reset your password.", englishBody);
    }

    [SkippableFact]
    public async Task Editor_ChecksCostsPreviewsAndSaves_TheNextFrenchSmsSaysIt_Audited()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        const string editor = "/admin/messages/templates?purpose=administrator-reset&language=fr";

        var opened = await admin.OpenAsync(editor);
        var noCode = await admin.SubmitAsync(opened, new Dictionary<string, string> { ["Text"] = "Entrez le code sur {link}." },
            button: "button[formaction*='handler=Preview']", formSelector: "#template-editor");
        var unknown = await admin.SubmitAsync(opened, new Dictionary<string, string> { ["Text"] = "{code} pour {user}" },
            button: "button[formaction*='handler=Preview']", formSelector: "#template-editor");
        var long16 = await admin.SubmitAsync(opened, new Dictionary<string, string> { ["Text"] = "{code} ł " + new string('a', 150) },
            button: "button[formaction*='handler=Preview']", formSelector: "#template-editor");
        var saved = await admin.SubmitAsync(opened, new Dictionary<string, string>
        {
            ["Text"] = "Réinitialisation demandée par votre administrateur : {code}, sur {link}, valable {minutes}.",
        }, button: "button[formaction*='handler=Save']", formSelector: "#template-editor");
        var catalog = Factory.Services.GetRequiredService<SmsTemplateCatalog>();
        for (var wait = 0; wait < 50 && catalog.Find(SmsTemplatePurposes.AdministratorReset, "fr") is null; wait++)
        {
            await Task.Delay(100);
        }

        var audit = await admin.OpenAsync("/admin/audit?Type=admin.sms-template-changed");

        Assert.Contains("{code}", opened.Document.GetElementById("Text")!.TextContent);
        Assert.Equal("The text must contain {code}: this message carries a code.", noCode.FieldError("text-error"));
        Assert.Equal("Entrez le code sur {link}.", noCode.Document.GetElementById("Text")!.TextContent);
        Assert.Contains("{user} is not a placeholder of this message", unknown.FieldError("text-error"));
        Assert.StartsWith("At its longest: UCS-2", long16.FieldError("template-cost"));
        Assert.NotNull(long16.Document.GetElementById("segment-warning"));
        Assert.Contains("The template is saved", saved.Text);
        Assert.StartsWith("Réinitialisation demandée par votre administrateur : 123456, sur https://localhost/account/reset-code",
            saved.Document.QuerySelector("pre[data-language='fr']")!.TextContent);
        Assert.EndsWith("@localhost #123456", saved.Document.QuerySelector("pre[data-language='fr']")!.TextContent);
        Assert.StartsWith("123456 is your code to reset your password, sent at your request",
            saved.Document.QuerySelector("pre[data-language='en']")!.TextContent);
        var row = saved.Document.QuerySelector("tr[data-template='administrator-reset-fr']")!.QuerySelectorAll("td")
            .Select(cell => cell.TextContent.Trim()).ToList();
        Assert.Equal(["Reset code sent by an administrator", "Français", "Customised"], row);
        Assert.NotNull(catalog.Find(SmsTemplatePurposes.AdministratorReset, "fr"));
        Assert.Contains("administrator-reset", audit.Text);
        Assert.Contains("valable {minutes}", audit.Text);
    }
}

public sealed class SmsTemplateTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SmsTemplateTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SmsTemplateTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SmsTemplateTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
