using IdpSmsReset.Core.Audit;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Account.ForgotPassword;

/// <summary>
/// A reset code exists only once its SMS is queued. Every flow whose code was not sent (unknown name, a policy
/// without SMS reset, no phone, a limit reached, a country not allowed) holds no code, so no entry can verify it,
/// while its pages answer exactly as for a wrong code.
/// </summary>
public abstract class UndeliveredResetCodeTests : TwilioBackedTests
{
    private const string WrongCodeFirstTime = "That code is not correct, or a newer code was sent since. 4 attempts left.";

    protected UndeliveredResetCodeTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        factory.Settings["Idp:PasswordReset:Limits:PerDestinationPerHour"] = "1";
    }

    [SkippableTheory]
    [InlineData("nobody-by-this-name", "203.0.113.1")]
    [InlineData("frank", "203.0.113.2")] // the default policy: no SMS reset
    public async Task CodeNeverSent_FlowHoldsNoCode_EntryAnsweredAsWrong(string login, string clientAddress)
    {
        await Factory.ConfigureSmsFactorAsync();

        await AssertHoldsNoCodeAsync(login, clientAddress);
    }

    [SkippableFact]
    public async Task AccountWithoutPhone_FlowHoldsNoCode_EntryAnsweredAsWrong()
    {
        await Factory.ConfigureSmsFactorAsync();
        await Factory.ChangeUserAsync("abel", (users, user) => users.SetPhoneNumberAsync(user, null));

        await AssertHoldsNoCodeAsync("abel", "203.0.113.3");
    }

    [SkippableFact]
    public async Task PhoneInACountryNotAllowed_FlowHoldsNoCode_EntryAnsweredAsWrong()
    {
        await Factory.ConfigureSmsFactorAsync(allowedCountries: ["US"]);
        await Factory.ChangeUserAsync("beth", (users, user) => users.SetPhoneNumberAsync(user, "+33612345678"));

        await AssertHoldsNoCodeAsync("beth", "203.0.113.4");
    }

    [SkippableFact]
    public async Task SendLimitReached_SecondFlowHoldsNoCode_EntryAnsweredAsWrong()
    {
        await Factory.ConfigureSmsFactorAsync();
        using (var first = Factory.CreateBrowserFrom("203.0.113.5"))
        {
            await first.StartResetAsync("cole");
            await Twilio.WaitForMessagesToAsync(TestBootstrap.PhoneOf("cole"));
        }

        await AssertHoldsNoCodeAsync("cole", "203.0.113.6");
        Assert.Single(Twilio.MessagesTo(TestBootstrap.PhoneOf("cole")));
        Assert.Contains("codes per phone number per hour",
            (await Factory.AuditEventsOfAsync("cole")).Last(e => e.Type == AuditEventTypes.PasswordResetCodeNotSent).Details);
    }

    [SkippableFact]
    public async Task CodeSent_FlowsChallengeHoldsItsCode()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowserFrom("203.0.113.7");
        await browser.StartResetAsync("dina");

        var challenge = await Factory.WaitForAnsweredCodeFromAsync("203.0.113.7");

        Assert.NotNull(challenge.CodeHash);
    }

    private async Task AssertHoldsNoCodeAsync(string login, string clientAddress)
    {
        using var browser = Factory.CreateBrowserFrom(clientAddress);
        var codePage = await browser.StartResetAsync(login);

        var challenge = await Factory.WaitForAnsweredCodeFromAsync(clientAddress);
        var wrong = await browser.SubmitResetCodeAsync(codePage, "123456");

        Assert.Equal("/account/reset-code", codePage.Path);
        Assert.Null(challenge.CodeHash);
        Assert.Null(challenge.CodeSalt);
        Assert.Equal(WrongCodeFirstTime, wrong.FieldError("code-error"));
    }
}

public sealed class UndeliveredResetCodeTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : UndeliveredResetCodeTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class UndeliveredResetCodeTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : UndeliveredResetCodeTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
