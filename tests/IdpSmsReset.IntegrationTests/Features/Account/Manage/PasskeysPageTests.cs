using System.Security.Cryptography;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Account.Manage;

/// <summary>
/// A browser left signed in must not let a stranger plant a passkey that outlives the owner's next password: adding
/// one asks for the password once the sign-in is old, additions are audited and told to the phone, a new password
/// leads to a review of the passkeys, and an administrator's MFA reset removes them.
/// </summary>
public abstract class PasskeysPageTests : TwilioBackedTests
{
    protected PasskeysPageTests(IdpFactory factory, FakeTwilio twilio) : base(factory, twilio)
    {
    }

    [SkippableFact]
    public async Task AddPasskey_SignedInLongerThanFiveMinutesAgo_WithoutThePassword_RefusedBeforeTheCeremony()
    {
        await AllowPasskeysAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("bob");
        Factory.Clock.Advance(PasskeyChanges.RecentProof + TimeSpan.FromMinutes(1));
        var page = await browser.OpenAsync("/account/manage/passkeys");

        var refused = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["NewName"] = "Stranger's key", ["Credential"] = "{}",
        }, formSelector: "form[data-passkey=create]");

        Assert.NotNull(page.Document.GetElementById("AddPassword"));
        Assert.Equal("Stranger's key", refused.InputValue("NewName"));
        Assert.False(string.IsNullOrEmpty(refused.FieldError("add-password-error")));
        Assert.Equal(0, await PasskeyCountAsync("bob"));
    }

    [SkippableFact]
    public async Task AddPasskey_JustSignedIn_NoPasswordAsked_TheCeremonyDecides()
    {
        await AllowPasskeysAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("carol");
        var page = await browser.OpenAsync("/account/manage/passkeys");

        var answer = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["NewName"] = "Carol's phone", ["Credential"] = "{}",
        }, formSelector: "form[data-passkey=create]");

        Assert.Null(page.Document.GetElementById("AddPassword"));
        Assert.True(string.IsNullOrEmpty(answer.FieldError("add-password-error")));
        Assert.False(string.IsNullOrEmpty(answer.FieldError("name-error")));
    }

    [SkippableFact]
    public async Task PasskeyAdded_AuditedAndTheUsersPhoneIsTold()
    {
        await Factory.ConfigureSmsFactorAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var ivan = (await users.FindByNameAsync("ivan"))!;

        await scope.ServiceProvider.GetRequiredService<PasskeyChanges>().AddedAsync(ivan, "Unknown key", "203.0.113.9",
            CancellationToken.None);
        var told = await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("ivan"));
        var audit = await Factory.AuditEventsOfAsync("ivan");

        Assert.Contains("A passkey was added to your account", Assert.Single(told).Form["Body"]);
        Assert.Contains(audit, e => e.Type == AuditEventTypes.PasskeyAdded && e.Details!.Contains("Unknown key"));
    }

    [SkippableFact]
    public async Task PasswordChanged_WithAPasskey_ThePasskeysAreReviewedAndOneClickRemovesOne_Audited()
    {
        await AllowPasskeysAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("dave");
        await GivePasskeyAsync("dave", "Planted key");
        Factory.Clock.Advance(PasskeyChanges.RecentProof + TimeSpan.FromMinutes(1));

        var review = await browser.SubmitAsync(await browser.OpenAsync("/account/manage/password"), new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = TestBootstrap.Password, ["Input.NewPassword"] = "dave's brand new passphrase",
            ["Input.ConfirmPassword"] = "dave's brand new passphrase",
        });
        var removed = await browser.SubmitAsync(review,
            formSelector: "li[data-passkey-row='Planted key'] form[action*='handler=Remove']");
        var audit = await Factory.AuditEventsOfAsync("dave");

        Assert.Equal("/account/manage/passkeys", review.Path);
        Assert.Contains("These passkeys still sign you in", review.Text);
        Assert.Null(review.Document.QuerySelector("input[name=CurrentPassword]"));
        Assert.Contains("Your passkey was removed.", removed.Text);
        Assert.Equal(0, await PasskeyCountAsync("dave"));
        Assert.Contains(audit, e => e.Type == AuditEventTypes.PasskeyRemoved);
    }

    [SkippableFact]
    public async Task AdministratorResetsMfa_ThePasskeysGoToo()
    {
        await GivePasskeyAsync("erin", "Erin's key");
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var list = await admin.OpenAsync("/admin/users?search=erin");
        var edit = await admin.OpenAsync(list.Document.QuerySelector("tr[data-user='erin'] a")!.GetAttribute("href")!);

        await admin.ConfirmAsync(await admin.SubmitAsync(edit, formSelector: "form[action*='handler=ResetMfa']"));

        Assert.Equal(0, await PasskeyCountAsync("erin"));
    }

    private async Task AllowPasskeysAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var policy = await database.Set<SecurityPolicy>().AsNoTracking().SingleAsync(p => p.IsDefault);
        if (!policy.Mfa.PasskeyEnabled)
        {
            policy.Mfa.PasskeyEnabled = true;
            var saved = await scope.ServiceProvider.GetRequiredService<PolicyAdministration>().SaveAsync(policy.Id, policy,
                new Administrator("test", null), CancellationToken.None);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Problems));
        }
    }

    private async Task GivePasskeyAsync(string userName, string name)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await users.AddOrUpdatePasskeyAsync((await users.FindByNameAsync(userName))!, new UserPasskeyInfo(
            RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, ["usb"],
            isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [0], clientDataJson: [0])
        {
            Name = name,
        });
    }

    private async Task<int> PasskeyCountAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return (await users.GetPasskeysAsync((await users.FindByNameAsync(userName))!)).Count;
    }
}

public sealed class PasskeysPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : PasskeysPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class PasskeysPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : PasskeysPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
