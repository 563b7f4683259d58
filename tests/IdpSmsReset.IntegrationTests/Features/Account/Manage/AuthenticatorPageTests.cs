using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Features.Account.Manage;

namespace IdpSmsReset.IntegrationTests.Features.Account.Manage;

/// <summary>Adding and removing an authenticator app on the account page (default policy: allowed, not required).</summary>
public abstract class AuthenticatorPageTests(IdpFactory factory)
{
    private const string AddForm = "form[action*='handler=Add']";

    [SkippableFact]
    public async Task AddApp_AsksPasswordAndCode_ShowsRecoveryCodes_NextSignInAsksForTheApp()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("bob");
        var page = await browser.OpenAsync("/account/manage/authenticator");
        var key = page.Document.GetElementById("authenticator-key")!.TextContent;

        var wrongPassword = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Setup.Code"] = Phone.AuthenticatorCode(key), ["CurrentPassword"] = "not my password",
        }, formSelector: AddForm);
        var wrongCode = await browser.SubmitAsync(wrongPassword, new Dictionary<string, string>
        {
            ["Setup.Code"] = "000000", ["CurrentPassword"] = TestBootstrap.Password,
        }, formSelector: AddForm);
        var added = await browser.SubmitAsync(wrongCode, new Dictionary<string, string>
        {
            ["Setup.Code"] = Phone.AuthenticatorCode(key), ["CurrentPassword"] = TestBootstrap.Password,
        }, formSelector: AddForm);
        using var laterBrowser = factory.CreateBrowser();
        var nextSignIn = await laterBrowser.SubmitPasswordAsync("bob");

        Assert.Equal("The current password is incorrect.", wrongPassword.FieldError("password-error"));
        Assert.Equal(key, wrongPassword.Document.GetElementById("authenticator-key")!.TextContent);
        Assert.Equal(AuthenticatorSetup.WrongCode, wrongCode.FieldError("setup-code-error"));
        Assert.Contains(AuthenticatorModel.Added, added.Text);
        Assert.Equal(10, added.Document.QuerySelectorAll(".codes li").Length);
        Assert.Equal("/account/second-factor", nextSignIn.Path);
        Assert.Contains("authenticator app", nextSignIn.Text);
        Assert.Single(await factory.AuditEventsOfAsync("bob"),
            e => e.Type == Core.Audit.AuditEventTypes.AuthenticatorAdded && e.Actor == "bob");
    }

    [SkippableFact]
    public async Task NewRecoveryCodes_AfterPassword_TenNewOnesReplaceTheOld_Audited()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("dave");
        var page = await browser.OpenAsync("/account/manage/authenticator");
        var key = page.Document.GetElementById("authenticator-key")!.TextContent;
        var added = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Setup.Code"] = Phone.AuthenticatorCode(key), ["CurrentPassword"] = TestBootstrap.Password,
        }, formSelector: AddForm);
        var first = added.Document.QuerySelectorAll(".codes li").Select(code => code.TextContent).ToList();

        var replaced = await browser.SubmitAsync(added, new Dictionary<string, string> { ["CurrentPassword"] = TestBootstrap.Password },
            button: "button[formaction*='handler=RecoveryCodes']", formSelector: "form:not([action*='handler=Add'])");
        var second = replaced.Document.QuerySelectorAll(".codes li").Select(code => code.TextContent).ToList();

        Assert.Equal(10, second.Count);
        Assert.Empty(first.Intersect(second));
        var audited = Assert.Single(await factory.AuditEventsOfAsync("dave"),
            e => e.Type == Core.Audit.AuditEventTypes.RecoveryCodesGenerated);
        Assert.Equal("dave", audited.Actor);
        Assert.All(second, code => Assert.DoesNotContain(code, audited.Details));
    }

    [SkippableFact]
    public async Task RemoveApp_AfterPassword_NextSignInNeedsThePasswordOnly()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("carol");
        var page = await browser.OpenAsync("/account/manage/authenticator");
        var key = page.Document.GetElementById("authenticator-key")!.TextContent;
        var added = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Setup.Code"] = Phone.AuthenticatorCode(key), ["CurrentPassword"] = TestBootstrap.Password,
        }, formSelector: AddForm);

        var refused = await browser.SubmitAsync(added, new Dictionary<string, string> { ["CurrentPassword"] = "" },
            button: "button[formaction*='handler=Remove']", formSelector: "form:not([action*='handler=Add'])");
        var removed = await browser.SubmitAsync(refused, new Dictionary<string, string> { ["CurrentPassword"] = TestBootstrap.Password },
            button: "button[formaction*='handler=Remove']", formSelector: "form:not([action*='handler=Add'])");
        using var laterBrowser = factory.CreateBrowser();
        var nextSignIn = await laterBrowser.SubmitPasswordAsync("carol");

        Assert.Equal("Enter your current password to confirm this change.", refused.FieldError("password-error"));
        Assert.Contains(AuthenticatorModel.Removed, removed.Text);
        Assert.Equal("/", nextSignIn.Path);
        Assert.Equal([Core.Audit.AuditEventTypes.AuthenticatorAdded, Core.Audit.AuditEventTypes.AuthenticatorRemoved],
            (await factory.AuditEventsOfAsync("carol")).Where(e => e.Actor == "carol" && e.Type.StartsWith("authenticator."))
                .Select(e => e.Type));
    }
}

public sealed class AuthenticatorPageTestsOnSqlite(SqliteIdpFactory factory) : AuthenticatorPageTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class AuthenticatorPageTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AuthenticatorPageTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
