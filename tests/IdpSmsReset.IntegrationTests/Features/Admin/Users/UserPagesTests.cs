using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using System.Security.Cryptography;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Users;

/// <summary>Finding, creating and changing users on /admin/users.</summary>
public abstract class UserPagesTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Search_FindsByNameOrEmail_AnyPagingInputIsReadWithoutError()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var found = await admin.OpenAsync("/admin/users?search=ALICE@example");
        var odd = await admin.OpenAsync("/admin/users?search=&p=abc");
        var far = await admin.OpenAsync("/admin/users?p=99999");

        Assert.Single(found.Document.QuerySelectorAll("tr[data-user]"));
        Assert.NotNull(found.Document.QuerySelector("tr[data-user='alice']"));
        Assert.Equal(System.Net.HttpStatusCode.OK, odd.Status);
        Assert.Contains("Page 1 of", odd.Text);
        Assert.Contains("Page 2 of 2", far.Text);
    }

    [SkippableFact]
    public async Task CreateUser_BadPhoneOrShortPassword_SaysWhy_ThenCreatedAndSignsIn()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/users/edit");

        var refused = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = "newcomer", ["Input.PhoneNumber"] = "0123", ["Input.Password"] = "short",
                ["Input.Attributes"] = "bad name=1",
        }, formSelector: "form[action*='handler=Save']");
        var created = await admin.SubmitAsync(refused, new Dictionary<string, string>
        {
            ["Input.UserName"] = "newcomer", ["Input.PhoneNumber"] = "+14155557400", ["Input.Password"] = "a newcomer's long passphrase",
                ["Input.Attributes"] = "team=blue",
        }, formSelector: "form[action*='handler=Save']");
        using var newcomer = factory.CreateBrowser();
        var signedIn = await newcomer.SubmitAsync(await newcomer.OpenAsync("/account/login"), new Dictionary<string, string>
        {
            ["Input.UserName"] = "newcomer", ["Input.Password"] = "a newcomer's long passphrase",
        });

        Assert.StartsWith("Enter the number in international form", refused.FieldError("phone-error"));
        Assert.StartsWith("'bad name=1' must be name=value", refused.FieldError("attributes-error"));
        Assert.Equal("0123", refused.InputValue("Input.PhoneNumber"));
        Assert.Contains("newcomer was saved.", created.Text);
        var audited = Assert.Single(await factory.AuditEventsOfAsync("newcomer"), e => e.Type == AdminEventTypes.UserCreated);
        Assert.DoesNotContain("a newcomer's long passphrase", audited.Details);
        Assert.Equal("team=blue", created.Document.QuerySelector("textarea[name='Input.Attributes']")!.TextContent.Trim());
        Assert.Equal("/", signedIn.Path);
    }

    [SkippableFact]
    public async Task CreateUser_EmailOfAnotherAccount_RefusedBesideTheField_KeepsWhatWasTyped()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/users/edit");

        var refused = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.UserName"] = "copycat", ["Input.Email"] = "ALICE@example.com", ["Input.Password"] = "a copycat's long passphrase",
        }, formSelector: "form[action*='handler=Save']");

        Assert.Equal("Email 'ALICE@example.com' is already taken.", refused.FieldError("email-error"));
        Assert.Equal("copycat", refused.InputValue("Input.UserName"));
        Assert.Equal("ALICE@example.com", refused.InputValue("Input.Email"));
    }

    [SkippableFact]
    public async Task SaveUser_AttributeValueLongerThanItsColumn_RefusedBesideTheField_NothingSaved()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var users = await admin.OpenAsync("/admin/users?search=dave");
        var edit = await admin.OpenAsync(users.Document.QuerySelector("tr[data-user='dave'] a")!.GetAttribute("href")!);

        var refused = await admin.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.Attributes"] = "note=" + new string('x', 1025),
        }, formSelector: "form[action*='handler=Save']");
        var again = await admin.OpenAsync(users.Document.QuerySelector("tr[data-user='dave'] a")!.GetAttribute("href")!);

        Assert.Equal("note: an attribute value is at most 1024 characters.", refused.FieldError("attributes-error"));
        Assert.DoesNotContain("note=", again.Document.QuerySelector("textarea[name='Input.Attributes']")!.TextContent);
    }

    [SkippableFact]
    public async Task LockedUser_Unlocked_SignsInAgain_AndTheAuditSaysWho()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var guesser = factory.CreateBrowser();
            await guesser.SubmitAsync(await guesser.OpenAsync("/account/login"), new Dictionary<string, string>
            {
                ["Input.UserName"] = "heidi", ["Input.Password"] = "a wrong guess " + attempt,
            });
        }

        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var users = await admin.OpenAsync("/admin/users?search=heidi");
        var edit = await admin.OpenAsync(users.Document.QuerySelector("tr[data-user='heidi'] a")!.GetAttribute("href")!);
        var unlocked = await admin.SubmitAsync(edit, formSelector: "form[action*='handler=Unlock']");
        using var heidi = factory.CreateBrowser();
        var signedIn = await heidi.SubmitPasswordAsync("heidi");
        var audit = await admin.OpenAsync("/admin/audit?Type=admin.user-unlocked&user=heidi");

        Assert.Equal("yes", users.Document.QuerySelector("tr[data-user='heidi'] td:last-child")!.TextContent);
        Assert.Contains("The account is unlocked.", unlocked.Text);
        Assert.Equal("/", signedIn.Path);
        Assert.Single(audit.Document.QuerySelectorAll("tr[data-type]"));
    }

    [SkippableFact]
    public async Task ResetMfaEnrolment_TheAppIsGone_NextSignInWithPasswordOnly()
    {
        using (var frank = await factory.CreateSignedInBrowserAsync("frank"))
        {
            await frank.AddAuthenticatorAsync();
        }

        using var before = factory.CreateBrowser();
        var askedForApp = await before.SubmitPasswordAsync("frank");
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=frank");
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='frank'] a")!.GetAttribute("href")!);
        var reset = await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form[action*='handler=ResetMfa']"));
        using var after = factory.CreateBrowser();
        var passwordOnly = await after.SubmitPasswordAsync("frank");

        Assert.Equal("/account/second-factor", askedForApp.Path);
        Assert.Contains("Authenticator app: none.", reset.Text);
        Assert.Equal("/", passwordOnly.Path);
        Assert.Contains(await factory.AuditEventsOfAsync("frank"), e => e.Type == AdminEventTypes.UserMfaReset);
    }

    [SkippableFact]
    public async Task RemovePasskeys_TheUsersPasskeysAreGone_Audited()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.AddOrUpdatePasskeyAsync((await users.FindByNameAsync("grace"))!, new UserPasskeyInfo(
                RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["usb"],
                isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [0], clientDataJson: [0]));
        }

        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=grace");
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='grace'] a")!.GetAttribute("href")!);
        var removed = await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form[action*='handler=RemovePasskeys']"));
        var audit = await admin.OpenAsync("/admin/audit?Type=admin.user-passkeys-removed&user=grace");

        Assert.Equal("Passkeys: 1.", edit.FieldError("passkey-count"));
        Assert.Contains("Every passkey of the user was removed.", removed.Text);
        Assert.Equal("Passkeys: 0.", removed.FieldError("passkey-count"));
        Assert.Single(audit.Document.QuerySelectorAll("tr[data-type]"));
    }

    [SkippableFact]
    public async Task RemoveLink_ConfirmedThenGone_AuditedAsTheAdministrator()
    {
        await factory.ChangeUserAsync("heidi", (users, heidi) => users.AddLoginAsync(heidi, new UserLoginInfo("corp", "heidi-1", "Corp")));

        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=heidi");
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='heidi'] a")!.GetAttribute("href")!);
        var removed = await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form[action*='handler=RemoveLink']"));

        Assert.Contains("heidi-1", edit.Document.QuerySelector("[data-provider='corp']")!.TextContent);
        Assert.Contains("The link to corp was removed.", removed.Text);
        Assert.NotNull(removed.Document.GetElementById("no-links"));
        var audited = Assert.Single(await factory.AuditEventsOfTypeAsync(AuditEventTypes.FederatedLinkRemoved));
        Assert.Equal(TestBootstrap.AdminUserName, audited.Actor);
    }

    [SkippableFact]
    public async Task WhyCannotResetBySms_AnswersWithTheExactCondition()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=dave");

        var dave = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='dave'] a")!.GetAttribute("href")!);

        Assert.Equal("Not possible: The SMS factor is not configured: no Twilio account has been entered.",
            dave.Document.GetElementById("reset-eligibility")!.TextContent);
    }

    [SkippableFact]
    public async Task EditUser_DisplayNameChanged_AuditedWithBeforeAndAfter()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=heidi");
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='heidi'] a")!.GetAttribute("href")!);

        var saved = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.DisplayName"] = "Heidi Renamed" },
            formSelector: "form[action*='handler=Save']");

        Assert.Contains("heidi was saved.", saved.Text);
        var audited = Assert.Single(await factory.AuditEventsOfAsync("heidi"), e => e.Type == AdminEventTypes.UserChanged);
        Assert.Contains("Heidi Example", audited.Details);
        Assert.Contains("Heidi Renamed", audited.Details);
    }

    [SkippableFact]
    public async Task EndAllSessions_TheUsersBrowserIsSignedOut()
    {
        using var grace = await factory.CreateSignedInBrowserAsync("grace");
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=grace");
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='grace'] a")!.GetAttribute("href")!);

        var ended = await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form[action*='handler=EndSessions']"));

        Assert.Single(edit.Document.QuerySelectorAll("tr[data-session]"));
        Assert.Empty(ended.Document.QuerySelectorAll("tr[data-session]"));
        Assert.Contains("Every session of the user was ended.", ended.Text);
        Assert.Contains(await factory.AuditEventsOfAsync("grace"), e => e.Type == AdminEventTypes.UserSessionsEnded);
    }
}

public sealed class UserPagesTestsOnSqlite(SqliteIdpFactory factory) : UserPagesTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class UserPagesTestsOnPostgreSql(PostgreSqlIdpFactory factory) : UserPagesTests(factory), IClassFixture<PostgreSqlIdpFactory>;
