using IdpSmsReset.Core.Audit;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Account.ForgotPassword;

/// <summary>
/// Wrong reset codes are counted across flows: per account (3 a day here) and per address (12 an hour here). A new
/// flow, and so a new code with fresh attempts, does not start the guessing over.
/// </summary>
public abstract class WrongResetCodeBudgetTests : TwilioBackedTests
{
    private const string WrongCode = "That code is not correct, or a newer code was sent since.";

    protected WrongResetCodeBudgetTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        factory.Settings["Idp:PasswordReset:Limits:WrongCodesPerAccountPerDay"] = "3";
        factory.Settings["Idp:PasswordReset:Limits:WrongCodesPerAddressPerHour"] = "12";
    }

    [SkippableFact]
    public async Task WrongCodesAcrossFlows_PastTheAccountBudget_SuspendedAndTheRightCodeFails()
    {
        await Factory.ConfigureSmsFactorAsync();
        var phone = TestBootstrap.PhoneOf("uma");
        using (var first = Factory.CreateBrowserFrom("198.51.100.1"))
        {
            var page = await first.StartResetAsync("uma");
            await Twilio.NextSmsCodeAsync(phone, seenBefore: 0);
            await first.SubmitResetCodeAsync(page, "000001");
            await first.SubmitResetCodeAsync(page, "000002");
        }

        using var second = Factory.CreateBrowserFrom("198.51.100.2");
        var secondPage = await second.StartResetAsync("uma");
        var code = await Twilio.NextSmsCodeAsync(phone, seenBefore: 1);
        var third = await second.SubmitResetCodeAsync(secondPage, PasswordResetSteps.Other(code));
        var right = await second.SubmitResetCodeAsync(secondPage, code);

        using var later = Factory.CreateBrowserFrom("198.51.100.3");
        await later.StartResetAsync("uma");
        var outcomes = await Factory.WaitForCodeOutcomesAsync("uma", count: 3);

        Assert.StartsWith(WrongCode, third.FieldError("code-error"));
        Assert.Equal("/account/reset-code", right.Path);
        Assert.StartsWith(WrongCode, right.FieldError("code-error"));
        Assert.Equal(2, Twilio.MessagesTo(phone).Count);
        Assert.Contains(outcomes, e => e.Type == AuditEventTypes.PasswordResetSuspended);
        Assert.Contains("suspended", outcomes.Last(e => e.Type == AuditEventTypes.PasswordResetCodeNotSent).Details);
    }

    [SkippableFact]
    public async Task Suspended_AdministratorSeesWhyAndLiftsIt_CodesFlowAgain()
    {
        await Factory.ConfigureSmsFactorAsync();
        await SuspendAsync("vera", "198.51.100.10");
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var userId = (await Factory.AuditEventsOfAsync("vera")).First().SubjectUserId;

        var userPage = await admin.OpenAsync($"/admin/users/edit?id={userId}");
        var lifted = await admin.SubmitAsync(userPage, formSelector: "form[action*='handler=LiftResetSuspension']");
        using var browser = Factory.CreateBrowserFrom("198.51.100.11");
        await browser.StartResetAsync("vera");

        Assert.Contains("Not possible: SMS reset is suspended", userPage.Document.GetElementById("reset-eligibility")!.TextContent);
        Assert.Contains("SMS reset is possible again", lifted.Text);
        await Twilio.WaitForMoreMessagesAsync(TestBootstrap.PhoneOf("vera"), seenBefore: 1);
        Assert.Contains(AuditEventTypes.PasswordResetSuspensionLifted, (await Factory.AuditEventsOfAsync("vera")).Select(e => e.Type));
    }

    [SkippableFact]
    public async Task Suspended_TheUserSignsIn_CodesFlowAgain()
    {
        await Factory.ConfigureSmsFactorAsync();
        await SuspendAsync("wade", "198.51.100.20");

        using var signedIn = await Factory.CreateSignedInBrowserAsync("wade");
        using var browser = Factory.CreateBrowserFrom("198.51.100.21");
        await browser.StartResetAsync("wade");

        await Twilio.WaitForMoreMessagesAsync(TestBootstrap.PhoneOf("wade"), seenBefore: 1);
        Assert.Equal(2, Twilio.MessagesTo(TestBootstrap.PhoneOf("wade")).Count);
    }

    [SkippableFact]
    public async Task OneAddress_PastItsWrongCodes_RefusedForEveryAccountButNotElsewhere()
    {
        await Factory.ConfigureSmsFactorAsync();
        const string address = "2001:db8:77:1::5";
        for (var flow = 0; flow < 3; flow++)
        {
            // Unknown names: only the address budget counts them. Other addresses in the same /64 count as one.
            using var guesser = Factory.CreateBrowserFrom($"2001:db8:77:1::{flow + 5}");
            var page = await guesser.StartResetAsync($"nobody-{flow}");
            for (var attempt = 0; attempt < 4; attempt++)
            {
                await guesser.SubmitResetCodeAsync(page, $"00000{attempt}");
            }
        }

        using var sameNetwork = Factory.CreateBrowserFrom(address);
        var xiaPage = await sameNetwork.StartResetAsync("xia");
        var xiaCode = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("xia"), seenBefore: 0);
        var refused = await sameNetwork.SubmitResetCodeAsync(xiaPage, xiaCode);
        using var elsewhere = Factory.CreateBrowserFrom("2001:db8:78:1::5");
        var accepted = await elsewhere.SubmitResetCodeAsync(await elsewhere.StartResetAsync("yann"),
            await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("yann"), seenBefore: 0));

        Assert.Equal("Too many wrong codes were entered from your network. Try again in an hour.", refused.FieldError("code-error"));
        Assert.Equal("/account/new-password", accepted.Path);
    }

    private async Task SuspendAsync(string userName, string clientAddress)
    {
        using var browser = Factory.CreateBrowserFrom(clientAddress);
        var page = await browser.StartResetAsync(userName);
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf(userName), seenBefore: 0);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            page = await browser.SubmitResetCodeAsync(page, PasswordResetSteps.Other(code));
        }

        Assert.Contains(AuditEventTypes.PasswordResetSuspended, (await Factory.AuditEventsOfAsync(userName)).Select(e => e.Type));
    }
}

public sealed class WrongResetCodeBudgetTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : WrongResetCodeBudgetTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class WrongResetCodeBudgetTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : WrongResetCodeBudgetTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
