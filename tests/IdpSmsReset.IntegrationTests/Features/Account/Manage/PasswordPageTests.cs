using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Features.Account.Manage;

namespace IdpSmsReset.IntegrationTests.Features.Account.Manage;

/// <summary>Changing the password on the account page, under the user's policy.</summary>
public abstract class PasswordPageTests
{
    private const string NewPassword = "another long enough passphrase";
    private readonly IdpFactory _factory;

    protected PasswordPageTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:Sessions:CheckInterval"] = "00:00:00";
    }

    [SkippableFact]
    public async Task BadInput_EachFieldSaysWhatToChange()
    {
        using var browser = await _factory.CreateSignedInBrowserAsync("frank");
        var page = await browser.OpenAsync("/account/manage/password");

        var tooShort = await Submit(browser, page, TestBootstrap.Password, "short", "short");
        var mismatch = await Submit(browser, page, TestBootstrap.Password, NewPassword, NewPassword + "!");
        var wrongCurrent = await Submit(browser, page, "not my password", NewPassword, NewPassword);

        // The rules before the first try, from frank's policy (the default: 12 to 128, common and the last 3 refused).
        Assert.Equal("Use 12 to 128 characters; a few words make a password that is long and easy to remember. The most common "
            + "passwords and your last 3 are refused.", page.FieldError("new-hint"));
        Assert.Equal("Use at least 12 characters; a few words make a password that is long and easy to remember.",
            tooShort.FieldError("new-error"));
        Assert.Equal("The two new passwords are not the same.", mismatch.FieldError("confirm-error"));
        Assert.Equal("The current password is incorrect.", wrongCurrent.FieldError("current-error"));
        Assert.Equal("/account/manage/password", wrongCurrent.Path);
    }

    [SkippableFact]
    public async Task NewPassword_ThisBrowserStays_OthersSignedOut_OldPasswordRefused()
    {
        using var browser = await _factory.CreateSignedInBrowserAsync("heidi");
        using var other = await _factory.CreateSignedInBrowserAsync("heidi");

        var changed = await Submit(browser, await browser.OpenAsync("/account/manage/password"), TestBootstrap.Password, NewPassword,
            NewPassword);
        var stillIn = await browser.OpenAsync("/account/manage");
        var otherAfter = await other.OpenAsync("/account/manage");
        using var fresh = _factory.CreateBrowser();
        var oldPassword = await fresh.SubmitPasswordAsync("heidi");
        var audit = await _factory.AuditEventsOfAsync("heidi");

        Assert.Contains(audit, e => e.Type == Core.Audit.AuditEventTypes.PasswordChanged && e.Actor == "heidi");
        Assert.Equal("/account/manage", changed.Path);
        Assert.Contains(PasswordModel.Changed, changed.Text);
        Assert.Equal("/account/manage", stillIn.Path);
        Assert.Equal("/account/login", otherAfter.Path);
        Assert.Equal("/account/login", oldPassword.Path);
    }

    private static Task<BrowserPage> Submit(TestBrowser browser, BrowserPage page, string current, string next, string confirm) =>
        browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm,
        });
}

public sealed class PasswordPageTestsOnSqlite(SqliteIdpFactory factory) : PasswordPageTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class PasswordPageTestsOnPostgreSql(PostgreSqlIdpFactory factory) : PasswordPageTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
