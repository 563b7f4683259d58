using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Features.Account.Manage;

namespace IdpSmsReset.IntegrationTests.Features.Account.Manage;

/// <summary>Adding or changing the phone on the account page (alice's policy has the SMS factor on).</summary>
public abstract class PhonePageTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    private const string OldNumber = "+14155550100";

    [SkippableFact]
    public async Task BadNumberOrWrongPassword_SaysWhich_KeepsWhatWasTyped_SendsNothing()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("alice");
        var page = await browser.OpenAsync("/account/manage/phone");

        var wrongPassword = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["PhoneNumber"] = "+14155557002", ["CurrentPassword"] = "not my password",
        });
        var badNumber = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["PhoneNumber"] = "12345", ["CurrentPassword"] = TestBootstrap.Password,
        });
        await Task.Delay(500);

        Assert.Equal("The current password is incorrect.", wrongPassword.FieldError("password-error"));
        Assert.Equal("+14155557002", wrongPassword.InputValue("PhoneNumber"));
        Assert.Equal("Enter the number in international form, with + and the country code, such as +14155550100.",
            badNumber.FieldError("phone-error"));
        Assert.Equal("12345", badNumber.InputValue("PhoneNumber"));
        Assert.Empty(Twilio.MessagesTo("+14155557002"));
    }

    [SkippableFact]
    public async Task CountryNotAllowed_FrenchReader_ToldInFrench()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US"]);
        using var browser = await Factory.CreateSignedInBrowserAsync("alice");
        browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var page = await browser.OpenAsync("/account/manage/phone");

        var refused = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["PhoneNumber"] = "+33612345678", ["CurrentPassword"] = TestBootstrap.Password,
        });

        Assert.Equal("fr", refused.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("L'envoi de SMS vers les numéros FR n'est pas autorisé.", refused.FieldError("phone-error"));
        Assert.Equal("+33612345678", refused.InputValue("PhoneNumber"));
        Assert.Empty(Twilio.MessagesTo("+33612345678"));
    }

    [SkippableFact]
    public async Task NewNumber_ThirtyRequestsAtOnce_OneCodeSent()
    {
        const string newNumber = "+14155557031";
        await Factory.ConfigureSmsFactorAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("fred");
        var page = await browser.OpenAsync("/account/manage/phone");

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["PhoneNumber"] = newNumber, ["CurrentPassword"] = TestBootstrap.Password,
        })));

        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpSmsReset.Core.Persistence.IdpDbContext>();
        Assert.True(await database.Set<IdpSmsReset.Core.Messaging.OutboundSms>().CountAsync(sms => sms.Destination == newNumber) <= 1);
        Assert.True(await database.Set<IdpSmsReset.Core.Mfa.SmsChallenge>().CountAsync(challenge
            => challenge.Destination == newNumber) <= 1);
    }

    [SkippableFact]
    public async Task NewNumber_VerifiedByCodeSentToIt_SavedAndOldNumberNotified()
    {
        const string newNumber = "+14155557001";
        await Factory.ConfigureSmsFactorAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("alice");
        var page = await browser.OpenAsync("/account/manage/phone");

        var sent = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["PhoneNumber"] = newNumber, ["CurrentPassword"] = TestBootstrap.Password,
        });
        var code = await Twilio.NextSmsCodeAsync(newNumber, seenBefore: 0);
        var wrong = await browser.SubmitAsync(sent, new Dictionary<string, string> { ["Code"] = code == "000000" ? "111111" : "000000" },
            formSelector: "form[action*='handler=Verify']");
        var saved = await browser.SubmitAsync(wrong, new Dictionary<string, string> { ["Code"] = code },
            formSelector: "form[action*='handler=Verify']");
        var notices = await Twilio.WaitForMessagesToAsync(OldNumber);

        Assert.Contains("We sent a code to +•••••••••01.", sent.Text);
        Assert.Equal("That code is not correct. 4 attempts left for this code.", wrong.FieldError("code-error"));
        Assert.Equal("/account/manage", saved.Path);
        Assert.Contains(PhoneModel.Changed, saved.Text);
        Assert.Equal("+•••••••••01 (verified)", saved.Document.GetElementById("phone-status")!.TextContent);
        Assert.Contains(notices, notice => notice.Form["Body"].StartsWith("The phone number of your account at localhost was changed.",
            StringComparison.Ordinal));
        var audited = Assert.Single(await Factory.AuditEventsOfAsync("alice"), e => e.Type == Core.Audit.AuditEventTypes.PhoneChanged);
        Assert.Equal("alice", audited.Actor);
        Assert.Equal("From +•••••••••00 to +•••••••••01.", audited.Details);
    }

    [SkippableFact]
    public async Task CodeStep_CodeFieldFirst_ResendWithAWrongPasswordKeepsTheStep_TheCodeSentStillSaves()
    {
        const string newNumber = "+14155557002";
        await Factory.ConfigureSmsFactorAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("beth");
        var page = await browser.OpenAsync("/account/manage/phone");
        var sent = await browser.SubmitAsync(page, new Dictionary<string, string>
        {
            ["PhoneNumber"] = newNumber, ["CurrentPassword"] = TestBootstrap.Password,
        });
        var code = await Twilio.NextSmsCodeAsync(newNumber, seenBefore: 0);

        var refused = await browser.SubmitAsync(sent, new Dictionary<string, string> { ["CurrentPassword"] = "not my password" },
            formSelector: "form#resend");
        var saved = await browser.SubmitAsync(refused, new Dictionary<string, string> { ["Code"] = code },
            formSelector: "form[action*='handler=Verify']");

        var forms = sent.Document.QuerySelectorAll("form[action*='handler=']").Select(form => form.GetAttribute("action")).ToList();
        var (verifyAt, sendAt) = (forms.FindIndex(action => action!.Contains("handler=Verify")),
            forms.FindIndex(action => action!.Contains("handler=Send")));
        Assert.True(verifyAt < sendAt, "The code field comes before sending again.");
        Assert.Equal("secondary", refused.Document.QuerySelector("form#resend button[type=submit]")!.GetAttribute("class"));
        Assert.Equal("The current password is incorrect.", refused.FieldError("password-error"));
        Assert.NotNull(refused.Document.QuerySelector("input[name='Code']"));
        Assert.Equal("/account/manage", saved.Path);
    }

    [SkippableFact]
    public async Task SmsTwoStep_TurnedOnThenOff_SignInAsksForACodeOnlyWhileOn_BothAudited()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = await Factory.CreateSignedInBrowserAsync("abel");
        var page = await browser.OpenAsync("/account/manage/phone");
        Assert.NotNull(page.Document.QuerySelector("[data-sms-two-step='off']"));

        var turnedOn = await browser.SubmitAsync(page, formSelector: "form[action*='handler=SmsTwoStepOn']");
        using var whileOn = Factory.CreateBrowser();
        var asked = await whileOn.SubmitPasswordAsync("abel");
        var wrongPassword = await browser.SubmitAsync(turnedOn, new Dictionary<string, string> { ["TwoStepPassword"] = "not it" },
            formSelector: "form[action*='handler=SmsTwoStepOff']");
        var turnedOff = await browser.SubmitAsync(turnedOn, new Dictionary<string, string> { ["TwoStepPassword"] = TestBootstrap.Password },
            formSelector: "form[action*='handler=SmsTwoStepOff']");
        using var afterOff = Factory.CreateBrowser();
        var notAsked = await afterOff.SubmitPasswordAsync("abel");

        Assert.Contains(PhoneModel.TwoStepTurnedOn, turnedOn.Text);
        Assert.NotNull(turnedOn.Document.QuerySelector("[data-sms-two-step='on']"));
        Assert.Equal("/account/second-factor", asked.Path);
        Assert.Equal("The current password is incorrect.", wrongPassword.FieldError("two-step-password-error"));
        Assert.NotNull(wrongPassword.Document.QuerySelector("[data-sms-two-step='on']"));
        Assert.Contains(PhoneModel.TwoStepTurnedOff, turnedOff.Text);
        Assert.Equal("/", notAsked.Path);
        var events = await Factory.AuditEventsOfAsync("abel");
        Assert.Single(events, e => e is { Type: IdpSmsReset.Core.Audit.AuditEventTypes.TwoStepEnabled, Actor: "abel" });
        Assert.Single(events, e => e is { Type: IdpSmsReset.Core.Audit.AuditEventTypes.TwoStepDisabled, Actor: "abel" });
    }

    [SkippableFact]
    public async Task SmsTwoStep_OffWherePolicyRequiresItAndSmsIsTheOnlyMethod_RefusedWithWhy()
    {
        await Factory.ConfigureSmsFactorAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IdpSmsReset.Core.Users.IdpUserManager>();
        var smsTwoStep = scope.ServiceProvider.GetRequiredService<IdpSmsReset.Core.Mfa.SmsTwoStep>();
        var ivan = (await users.FindByNameAsync(TestBootstrap.MfaUserNames[0]))!;

        var on = await smsTwoStep.TurnOnAsync(ivan, CancellationToken.None);
        var off = await smsTwoStep.TurnOffAsync(ivan, CancellationToken.None);

        Assert.Null(on);
        Assert.Equal(IdpSmsReset.Core.Mfa.SmsTwoStep.PolicyRequiresIt, off);
        Assert.NotNull((await users.FindByIdAsync(ivan.Id))!.SmsTwoStepSince);
    }
}

public sealed class PhonePageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : PhonePageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class PhonePageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : PhonePageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
