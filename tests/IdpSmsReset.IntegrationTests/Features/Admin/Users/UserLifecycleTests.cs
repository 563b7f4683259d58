using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account.Login;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Users;

/// <summary>Offboarding: an administrator disables a user, who then has no way in and is sent nothing; and enables them again.</summary>
public abstract class UserLifecycleTests : TwilioBackedTests
{
    protected UserLifecycleTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        // The cookie is checked against the database at every request, so an ended session shows at once.
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    [SkippableFact]
    public async Task Disable_ConfirmedOnItsPage_RefreshTokenSessionPasswordAndResetAllRefused()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var appBrowser = Factory.CreateBrowser();
        var agent = new UserAgent(appBrowser, "abel", TestBootstrap.Password);
        var login = await OidcClients.Create(Factory, agent, TestBootstrap.WebClientId, TestBootstrap.WebClientSecret).LoginAsync();
        Assert.False(login.IsError, login.Error);

        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var edit = await OpenUserAsync(admin, "abel");
        var confirmation = await admin.OpenAsync(edit.Document.GetElementById("disable-user")!.GetAttribute("href")!);
        var disabled = await admin.SubmitAsync(confirmation);

        using var backchannel = OidcClients.Backchannel(Factory);
        var refreshed = await backchannel.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.WebClientId, ClientSecret = TestBootstrap.WebClientSecret,
            RefreshToken = login.RefreshToken,
        });
        var appSession = await appBrowser.OpenAsync("/account/manage");
        using var again = Factory.CreateBrowser();
        var signIn = await again.SubmitAsync(await again.OpenAsync("/account/login"), new Dictionary<string, string>
        {
            ["Input.UserName"] = "abel", ["Input.Password"] = TestBootstrap.Password,
        });
        using var resetBrowser = Factory.CreateBrowser();
        await resetBrowser.StartResetAsync("abel");
        var audit = await Factory.WaitForCodeOutcomesAsync("abel");

        Assert.Contains("Disabling the account does this at once:", confirmation.Text);
        Assert.NotNull(confirmation.Document.QuerySelector("form button.danger"));
        Assert.Contains("abel is disabled", disabled.Text);
        Assert.Contains("Disabled since", disabled.Document.GetElementById("account-state")!.TextContent);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Equal("/account/login", appSession.Path);
        Assert.Equal("/account/login", signIn.Path);
        Assert.Contains(LoginModel.InvalidCredentials, signIn.Text);
        Assert.Empty(Twilio.MessagesTo(TestBootstrap.PhoneOf("abel")));
        Assert.Contains(audit, e => e.Type == AdminEventTypes.UserDisabled && e.Actor == TestBootstrap.AdminUserName);
        Assert.DoesNotContain(audit, e => e.Type == Core.Audit.AuditEventTypes.PasswordResetCodeSent);
    }

    [SkippableFact]
    public async Task Enable_AfterDisable_TheUserSignsInAgain()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var confirmation = await admin.OpenAsync((await OpenUserAsync(admin, "beth")).Document
            .GetElementById("disable-user")!.GetAttribute("href")!);
        var disabled = await admin.SubmitAsync(confirmation);

        var enabled = await admin.SubmitAsync(disabled, formSelector: "form[action*='handler=Enable']");
        using var browser = Factory.CreateBrowser();
        var signIn = await browser.SubmitAsync(await browser.OpenAsync("/account/login"), new Dictionary<string, string>
        {
            ["Input.UserName"] = "beth", ["Input.Password"] = TestBootstrap.Password,
        });

        Assert.Contains("The account is enabled", enabled.Text);
        Assert.NotNull(enabled.Document.GetElementById("disable-user"));
        Assert.NotEqual("/account/login", signIn.Path);
        Assert.Contains(await Factory.AuditEventsOfAsync("beth"), e => e.Type == AdminEventTypes.UserEnabled);
    }

    [SkippableFact]
    public async Task Disable_OwnAccount_RefusedWithTheReason_NothingChanges()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var confirmation = await admin.OpenAsync((await OpenUserAsync(admin, TestBootstrap.AdminUserName)).Document
            .GetElementById("disable-user")!.GetAttribute("href")!);

        var refused = await admin.SubmitAsync(confirmation);
        var dashboard = await admin.OpenAsync("/admin");

        Assert.Contains("You cannot disable your own account.", refused.Text);
        Assert.Equal("/admin", dashboard.Path);
    }

    [SkippableFact]
    public async Task TemporaryPassword_Generated_WorksOnceThenTheUserChoosesTheirOwnBeforeAnyApplication()
    {
        using var signedIn = await Factory.CreateSignedInBrowserAsync("cole");
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var set = await admin.ConfirmAsync(
            await admin.SubmitAsync(await OpenUserAsync(admin, "cole"), formSelector: "form[action*='handler=TemporaryPassword']"));
        var temporary = set.Document.GetElementById("generated-password")!.TextContent;

        var oldSession = await signedIn.OpenAsync("/account/manage");
        using var browser = Factory.CreateBrowser();
        var required = await browser.SubmitAsync(await browser.OpenAsync("/account/login?ReturnUrl=%2Faccount%2Fmanage"),
            new Dictionary<string, string> { ["Input.UserName"] = "cole", ["Input.Password"] = temporary });
        var skipped = await browser.OpenAsync("/account/manage");
        var mismatch = await browser.SubmitAsync(await browser.OpenAsync("/account/update-password?ReturnUrl=%2Faccount%2Fmanage"),
            new Dictionary<string, string> { ["Input.NewPassword"] = "one long passphrase", ["Input.ConfirmPassword"] = "another" });
        var chosen = await browser.SubmitAsync(mismatch, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "cole's very own passphrase", ["Input.ConfirmPassword"] = "cole's very own passphrase",
        });
        using var later = Factory.CreateBrowser();
        var temporaryAgain = await later.SubmitAsync(await later.OpenAsync("/account/login"),
            new Dictionary<string, string> { ["Input.UserName"] = "cole", ["Input.Password"] = temporary });

        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", temporary);
        Assert.Equal("/account/login", oldSession.Path);
        Assert.Equal("/account/update-password", required.Path);
        Assert.Equal("/account/login", skipped.Path);
        Assert.Equal("/account/update-password", mismatch.Path);
        Assert.Contains("The two passwords are not the same.", mismatch.Text);
        Assert.Equal("/account/manage", chosen.Path);
        Assert.Contains(LoginModel.InvalidCredentials, temporaryAgain.Text);
        var audit = await Factory.AuditEventsOfAsync("cole");
        Assert.Contains(audit, e => e.Type == AdminEventTypes.UserTemporaryPasswordSet && !(e.Details ?? "").Contains(temporary));
        Assert.Contains(audit, e => e.Type == Core.Audit.AuditEventTypes.RequiredActionCompleted && e.Details == "update-password");
    }

    [SkippableFact]
    public async Task RequiredAction_ConfigureSecondFactor_TickedByTheAdministrator_EnrolmentBeforeSignIn()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var saved = await admin.SubmitAsync(await OpenUserAsync(admin, "dina"), new Dictionary<string, string>
        {
            ["RequiredActions"] = "configure-second-factor",
        }, formSelector: "form[action*='handler=RequiredActions']");

        using var browser = Factory.CreateBrowser();
        var next = await browser.SubmitAsync(await browser.OpenAsync("/account/login"),
            new Dictionary<string, string> { ["Input.UserName"] = "dina", ["Input.Password"] = TestBootstrap.Password });

        Assert.Contains("The required actions were saved.", saved.Text);
        Assert.NotNull(saved.Document.QuerySelector("input[name='RequiredActions'][value='configure-second-factor'][checked]"));
        Assert.StartsWith("/account/second-factor", next.Path);
        Assert.Contains(await Factory.AuditEventsOfAsync("dina"), e => e.Type == AdminEventTypes.UserRequiredActionsChanged
            && e.Actor == TestBootstrap.AdminUserName);
    }

    [SkippableFact]
    public async Task RequiredActions_UpdatePasswordThenVerifyPhone_InThatOrder_BeforeTheApplication()
    {
        await Factory.ConfigureSmsFactorAsync();
        var number = TestBootstrap.PhoneOf("eli");
        await Factory.ChangeUserAsync("eli", (users, user) =>
        {
            user.PhoneNumberConfirmed = false;
            Core.SignIn.RequiredActions.Set(user, [Core.SignIn.RequiredActions.VerifyPhone, Core.SignIn.RequiredActions.UpdatePassword]);
            return users.UpdateAsync(user);
        });

        using var browser = Factory.CreateBrowser();
        var first = await browser.SubmitPasswordAsync("eli", "/account/manage");
        var second = await browser.SubmitAsync(first, new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "eli's very own passphrase", ["Input.ConfirmPassword"] = "eli's very own passphrase",
        });
        var prefilled = second.InputValue("PhoneNumber");
        var sent = await browser.SubmitAsync(second, formSelector: "form[action*='handler=Send']");
        // The new password's notice and the code, in whichever order the jobs deliver them.
        await Twilio.WaitForMoreMessagesAsync(number, seenBefore: 1);
        var code = Phone.CodeIn(Twilio.MessagesTo(number).Select(sms => sms.Form["Body"]).Single(body => body.Contains(" #")));
        var done = await browser.SubmitAsync(sent, new Dictionary<string, string> { ["Code"] = code },
            formSelector: "form[action*='handler=Verify']");

        Assert.Equal("/account/update-password", first.Path);
        Assert.Equal("/account/verify-phone", second.Path);
        Assert.Equal(number, prefilled);
        Assert.Equal("/account/manage", done.Path);
        var audit = await Factory.AuditEventsOfAsync("eli");
        Assert.Equal(["update-password", "verify-phone"], audit.Where(e => e.Type == Core.Audit.AuditEventTypes.RequiredActionCompleted)
            .Select(e => e.Details));
        Assert.Contains(audit, e => e.Type == Core.Audit.AuditEventTypes.PhoneVerified);
    }

    [SkippableFact]
    public async Task RequiredAction_VerifyPhone_NoSmsForThePolicy_SaysSoAndLetsTheUserIn_TheActionWaits()
    {
        await Factory.ConfigureSmsFactorAsync();
        await Factory.ChangeUserAsync("frank", (users, user) =>
        {
            user.PhoneNumberConfirmed = false;
            Core.SignIn.RequiredActions.Set(user, [Core.SignIn.RequiredActions.VerifyPhone]);
            return users.UpdateAsync(user);
        });

        using var browser = Factory.CreateBrowser();
        var asked = await browser.SubmitPasswordAsync("frank", "/account/manage");
        var inside = await browser.SubmitAsync(asked, formSelector: "form[action*='handler=Later']");
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var user = await OpenUserAsync(admin, "frank");

        Assert.Equal("/account/verify-phone", asked.Path);
        Assert.Contains(Server.Features.Account.RequiredActions.VerifyPhoneModel.CannotSendNow, asked.Text);
        Assert.Equal("/account/manage", inside.Path);
        Assert.NotNull(user.Document.QuerySelector("input[name='RequiredActions'][value='verify-phone'][checked]"));
    }

    private static async Task<BrowserPage> OpenUserAsync(TestBrowser admin, string userName)
    {
        var list = await admin.OpenAsync($"/admin/users?search={userName}");
        return await admin.OpenAsync(list.Document.QuerySelector($"tr[data-user='{userName}'] a")!.GetAttribute("href")!);
    }
}

public sealed class UserLifecycleTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : UserLifecycleTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class UserLifecycleTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : UserLifecycleTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
