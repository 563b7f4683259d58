using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Admin;
using IdpSmsReset.Server.Features.Admin.Factors;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Factors;

/// <summary>Entering the Twilio account on /admin/factors, checked with WireMock playing Twilio.</summary>
public abstract class FactorsPageTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task Save_BadValues_SaysWhich_KeepsTheRest()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/factors");

        var page = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Sms.AccountSid"] = "AC123", ["Sms.AuthToken"] = "x", ["Sms.Sender"] = "number", ["Sms.From"] = "+15017122661",
                ["Sms.AllowedCountries"] = "US, XX",
        }, formSelector: "form[action*='handler=Save']");

        Assert.StartsWith("accountSid: must be a Twilio Account SID", page.FieldError("account-error"));
        Assert.Equal("allowedCountries[1]: 'XX' is not an ISO 3166 two-letter country code.", page.FieldError("countries-error"));
        Assert.Equal("AC123", page.InputValue("Sms.AccountSid"));
        Assert.Equal("US, XX", page.InputValue("Sms.AllowedCountries"));
    }

    [SkippableFact]
    public async Task Save_ValidAccount_ConfiguredTokenNeverShownNorAudited_ThenATestSms()
    {
        const string testNumber = "+14155557300";
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var form = await admin.OpenAsync("/admin/factors");

        var saved = await admin.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Sms.AccountSid"] = FakeTwilio.AccountSid, ["Sms.AuthToken"] = FakeTwilio.AuthToken, ["Sms.Sender"] = "number",
                ["Sms.From"] = FakeTwilio.From,
        }, formSelector: "form[action*='handler=Save']");
        var again = await admin.OpenAsync("/admin/factors");
        var tested = await admin.SubmitAsync(again, new Dictionary<string, string> { ["TestNumber"] = testNumber },
            formSelector: "form[action*='handler=Test']");
        var received = await Twilio.WaitForMessagesToAsync(testNumber);
        var audit = await admin.OpenAsync("/admin/audit?Type=" + AdminEventTypes.SmsFactorChanged);

        Assert.Contains(FactorsModel.Validated, saved.Text);
        Assert.StartsWith("Configured", again.Document.GetElementById("sms-status")!.TextContent.Trim());
        Assert.DoesNotContain(FakeTwilio.AuthToken, again.Html);
        Assert.Equal("", again.InputValue("Sms.AuthToken"));
        Assert.Contains("The test SMS is queued.", tested.Text);
        Assert.Equal(IdpSmsReset.Core.Administration.FactorAdministration.TestText, Assert.Single(received).Form["Body"]);
        Assert.DoesNotContain(FakeTwilio.AuthToken, audit.Html);
        Assert.Contains(AdminChanges.Masked, audit.Text);
        Assert.Single(await Factory.AuditEventsOfTypeAsync(AdminEventTypes.TestSmsSent), e => e.Actor == TestBootstrap.AdminUserName);
    }

    [SkippableFact]
    public async Task AuthenticatorAppsOff_EnrolledUserSignsInWithPasswordOnly_OnAgainAsked()
    {
        using (var erin = await Factory.CreateSignedInBrowserAsync("erin"))
        {
            await erin.AddAuthenticatorAsync();
        }

        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var off = await admin.SubmitAsync(await admin.OpenAsync("/admin/factors"), formSelector: "form[action*='handler=Authenticator']");
        using var whileOff = Factory.CreateBrowser();
        var signedInOff = await whileOff.SubmitPasswordAsync("erin");
        var on = await admin.SubmitAsync(off, formSelector: "form[action*='handler=Authenticator']");
        using var whileOn = Factory.CreateBrowser();
        var signedInOn = await whileOn.SubmitPasswordAsync("erin");

        Assert.StartsWith("Off", off.Document.GetElementById("authenticator-status")!.TextContent);
        Assert.Equal("/", signedInOff.Path);
        Assert.StartsWith("On", on.Document.GetElementById("authenticator-status")!.TextContent);
        Assert.Equal("/account/second-factor", signedInOn.Path);
        Assert.Equal(2, (await Factory.AuditEventsOfTypeAsync(AdminEventTypes.AuthenticatorFactorChanged)).Count);
    }

    [SkippableFact]
    public async Task SecondaryAccount_BadSidSaid_ThenAcceptedTokenNeverShown_ThenRemoved()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        const string secondaryForm = "form[action*='handler=SaveSecondary']";

        var refused = await admin.SubmitAsync(await admin.OpenAsync("/admin/factors"), new Dictionary<string, string>
        {
            ["Secondary.AccountSid"] = "AC1", ["Secondary.AuthToken"] = FakeTwilio.SecondaryAuthToken, ["Secondary.Sender"] = "number",
            ["Secondary.From"] = FakeTwilio.SecondaryFrom,
        }, formSelector: secondaryForm);
        var saved = await admin.SubmitAsync(refused, new Dictionary<string, string>
        {
            ["Secondary.AccountSid"] = FakeTwilio.SecondaryAccountSid, ["Secondary.AuthToken"] = FakeTwilio.SecondaryAuthToken,
            ["Secondary.Sender"] = "number", ["Secondary.From"] = FakeTwilio.SecondaryFrom,
        }, formSelector: secondaryForm);
        var again = await admin.OpenAsync("/admin/factors");
        var blank = await admin.SubmitAsync(again, new Dictionary<string, string> { ["Secondary.AccountSid"] = "" },
            formSelector: secondaryForm);
        var confirmation = await admin.SubmitAsync(blank, formSelector: "form#remove-secondary");
        var stillThere = await admin.OpenAsync("/admin/factors");
        var removed = await admin.ConfirmAsync(confirmation);

        Assert.StartsWith("accountSid: must be a Twilio Account SID", refused.FieldError("secondary-account-error"));
        Assert.Equal("AC1", refused.InputValue("Secondary.AccountSid"));
        Assert.Contains("Twilio accepted the secondary account", saved.Text);
        Assert.Equal("Twilio accepted this account.", again.FieldError("secondary-state"));
        Assert.DoesNotContain(FakeTwilio.SecondaryAuthToken, again.Html);
        Assert.StartsWith("Enter the Account SID.", blank.FieldError("secondary-account-error"));
        Assert.Contains("no failover", confirmation.Document.GetElementById("confirmation-what")!.TextContent);
        Assert.Equal("Twilio accepted this account.", stillThere.FieldError("secondary-state"));
        Assert.Contains("The secondary account was removed", removed.Text);
        Assert.Null(removed.Document.GetElementById("secondary-state"));
    }

    [SkippableFact]
    public async Task Save_AccountTwilioRefuses_SavedButSaysWhy()
    {
        const string wrongAccount = "ACffffffffffffffffffffffffffffffff";
        Twilio.AnswerAccount(wrongAccount, 401, new { code = 20003, message = "Authenticate", status = 401 });
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var page = await admin.SubmitAsync(await admin.OpenAsync("/admin/factors"), new Dictionary<string, string>
        {
            ["Sms.AccountSid"] = wrongAccount, ["Sms.AuthToken"] = "wrong", ["Sms.Sender"] = "number", ["Sms.From"] = FakeTwilio.From,
        }, formSelector: "form[action*='handler=Save']");

        Assert.Contains("Saved, but Twilio refused the account:", page.Text);
        Assert.StartsWith("Invalid:", page.Document.GetElementById("sms-status")!.TextContent.Trim());
        await Factory.ConfigureSmsFactorAsync();
    }
}

public sealed class FactorsPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : FactorsPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class FactorsPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : FactorsPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
