using IdpSmsReset.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace IdpSmsReset.BrowserTests.Journeys;

/// <summary>An administrator runs people's accounts from the dashboard; a person turns SMS two-step on.</summary>
public sealed class UserLifecycleJourneys(JourneyServers servers) : IClassFixture<JourneyServers>
{
    private const string TemporaryPassword = "temporary journey 2026";
    private const string ChosenPassword = "my own journey passphrase";
    private const string NewNumber = "+14155554321";

    [SkippableFact]
    public async Task Offboarding_DisableThenDelete_EachConfirmedOnAPageThatSaysWhatHappens()
    {
        await using var admin = await Journey.StartAsync(servers, "offboarding");
        await SignInAsAdministratorAsync(admin, "/admin/users?search=fran");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "fran", Exact = true }).ClickAsync();
        await admin.AtIdpAsync("/admin/users/edit", "user-page");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Disable the account…" }).ClickAsync();
        await admin.AtIdpAsync("/admin/users/disable", "disable-confirmation");
        var effects = await admin.Page.Locator("#disable-effects li").CountAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Disable the account" }).ClickAsync();
        await admin.AtIdpAsync("/admin/users/edit", "disabled");
        var disabledNotice = await admin.Page.Locator(".notice").TextContentAsync();

        await using var fran = await Journey.StartAsync(servers, "offboarding-user-tries-to-sign-in");
        await fran.OpenAppAndSignInAsync();
        await fran.TypePasswordAsync("fran");
        await fran.Page.Locator("#form-error", new() { HasTextString = "incorrect" }).WaitForAsync();
        await fran.ShotAsync("refused");
        var refusal = await fran.Page.Locator("#form-error").TextContentAsync();

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Delete the user…" }).ClickAsync();
        await admin.Page.Locator("#confirmation").WaitForAsync();
        await admin.ShotAsync("delete-confirmation");
        var what = await admin.Page.Locator("#confirmation-what").TextContentAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Delete the user", Exact = true }).ClickAsync();
        await admin.AtIdpAsync("/admin/users", "deleted");
        var deletedNotice = await admin.Page.Locator(".notice").TextContentAsync();
        await admin.Page.GotoAsync(servers.IdpUrl + "/admin/users?search=fran");
        var left = await admin.Page.GetByRole(AriaRole.Link, new() { Name = "fran", Exact = true }).CountAsync();

        Assert.Equal(4, effects);
        Assert.Equal("fran is disabled: every session ended and every token was revoked.", disabledNotice);
        Assert.Contains("The username or password is incorrect", refusal);
        Assert.Contains("personal data erased", what);
        Assert.Equal("The user was deleted and their personal data erased.", deletedNotice);
        Assert.Equal(0, left);
    }

    [SkippableFact]
    public async Task TemporaryPassword_ThenTheUserChoosesTheirOwnBeforeReachingTheApplication()
    {
        await using var admin = await Journey.StartAsync(servers, "temporary-password");
        await SignInAsAdministratorAsync(admin, "/admin/users?search=alice");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "alice", Exact = true }).ClickAsync();
        await admin.AtIdpAsync("/admin/users/edit", "user-page");
        await admin.Page.GetByLabel("Temporary password (leave blank to generate one)").FillAsync(TemporaryPassword);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Set a temporary password" }).ClickAsync();
        await admin.Page.Locator("#confirmation").WaitForAsync();
        await admin.ShotAsync("confirmation");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Set a temporary password" }).ClickAsync();
        await admin.Page.Locator(".notice").WaitForAsync();
        await admin.ShotAsync("temporary-password-set");

        await using var alice = await Journey.StartAsync(servers, "temporary-password-user");
        await alice.OpenAppAndSignInAsync();
        await alice.TypePasswordAsync("alice", TemporaryPassword);
        await alice.AtIdpAsync("/account/update-password", "choose-your-password");
        await alice.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(ChosenPassword);
        await alice.Page.GetByLabel("New password again").FillAsync(ChosenPassword);
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await alice.AtIdpAsync("/connect/consent", "consent");
        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await alice.AtAppAsync("signed-in");

        Assert.Equal("Hello, Alice Journey", await alice.GreetingAsync());
    }

    [SkippableFact]
    public async Task SmsTwoStep_TurnedOnOnThePhonePage_ACodeIsAskedAtTheNextSignIn()
    {
        await using var journey = await Journey.StartAsync(servers, "sms-two-step-on");
        await journey.Page.GotoAsync(servers.IdpUrl + "/account/manage/phone");
        await journey.AtIdpAsync("/account/login", "sign-in-for-the-account-page");
        await journey.TypePasswordAsync("rita");
        await journey.AtIdpAsync("/account/manage/phone", "phone-page");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await journey.Page.Locator("[data-sms-two-step='on']").WaitForAsync();
        await journey.ShotAsync("turned-on");
        var notice = await journey.Page.Locator(".notice").TextContentAsync();
        await journey.Page.GotoAsync(servers.IdpUrl + "/account/logout");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await journey.OpenAppAndSignInAsync();
        await journey.TypePasswordAsync("rita");
        await journey.AtIdpAsync("/account/second-factor", "second-factor-sms");
        var code = await journey.ReadSmsCodeAsync("rita");
        await journey.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await journey.AtIdpAsync("/connect/consent", "consent");
        await journey.Page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await journey.AtAppAsync("signed-in");

        Assert.Equal("Two-step verification by SMS is on: a code will be sent to your phone at every sign-in.", notice);
        Assert.Equal("Hello, Rita Journey", await journey.GreetingAsync());
    }

    [SkippableFact]
    public async Task AuditPage_FilteredToOneUsersPhoneChange_ShowsItWithBothNumbersMasked()
    {
        await using var walt = await Journey.StartAsync(servers, "phone-change");
        await walt.Page.GotoAsync(servers.IdpUrl + "/account/manage/phone");
        await walt.AtIdpAsync("/account/login", "sign-in-for-the-account-page");
        await walt.TypePasswordAsync("walt");
        await walt.AtIdpAsync("/account/manage/phone", "phone-page");
        await walt.Page.GetByLabel("New mobile number, with country code").FillAsync(NewNumber);
        await walt.Page.GetByLabel("Your password, to confirm").First.FillAsync(JourneyBootstrap.Password);
        await walt.Page.GetByRole(AriaRole.Button, new() { Name = "Send a code" }).ClickAsync();
        await walt.Page.GetByLabel("Code from the SMS").WaitForAsync();
        await walt.Page.GetByLabel("Code from the SMS").FillAsync(await servers.Twilio.NextSmsCodeAsync(NewNumber, seenBefore: 0));
        await walt.Page.GetByRole(AriaRole.Button, new() { Name = "Verify and save" }).ClickAsync();
        await walt.AtIdpAsync("/account/manage", "number-saved");

        await using var admin = await Journey.StartAsync(servers, "audit-filtered-to-a-phone-change");
        await SignInAsAdministratorAsync(admin, "/admin/audit");
        await admin.Page.GetByLabel("Type").SelectOptionAsync("phone.changed");
        await admin.Page.GetByLabel("User", new() { Exact = true }).FillAsync("walt");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await admin.AtIdpAsync("/admin/audit", "filtered");
        var rows = admin.Page.Locator("tr[data-type]");

        Assert.Equal(1, await rows.CountAsync());
        var row = (await rows.First.TextContentAsync())!;
        Assert.Contains("phone.changed", row);
        Assert.Contains("walt", row);
        Assert.DoesNotContain(NewNumber, row);
        Assert.DoesNotContain(JourneyBootstrap.PhoneOf("walt"), row);
        Assert.Contains(IdpSmsReset.Core.Messaging.PhoneNumberRules.Mask(NewNumber), row);
    }

    private static async Task SignInAsAdministratorAsync(Journey journey, string pathAndQuery)
    {
        await journey.Page.GotoAsync(journey.Servers.IdpUrl + pathAndQuery);
        await journey.AtIdpAsync("/account/login", "administrator-sign-in");
        await journey.TypePasswordAsync(JourneyBootstrap.AdminUserName);
        await journey.AtIdpAsync(pathAndQuery.Split('?')[0], "dashboard");
    }
}
