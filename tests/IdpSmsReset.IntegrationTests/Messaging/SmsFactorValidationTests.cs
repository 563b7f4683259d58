using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>Saving the SMS factor checks the account with "Twilio" and records why it cannot be used.</summary>
public sealed class SmsFactorValidationTests : IClassFixture<FakeTwilio>, IDisposable
{
    private const string WrongTokenAccount = "AC1111111111111111111111111111111a";
    private const string SuspendedAccount = "AC2222222222222222222222222222222b";
    private readonly FakeTwilio _twilio;
    private readonly SqliteIdpFactory _factory = new();

    public SmsFactorValidationTests(FakeTwilio twilio)
    {
        _twilio = twilio;
        _factory.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = twilio.Url;
        twilio.AnswerAccount(WrongTokenAccount, 401, new { code = 20003, message = "Authenticate", status = 401 });
        twilio.AnswerAccount(SuspendedAccount, 200, new { sid = SuspendedAccount, status = "suspended" });
    }

    [Fact]
    public async Task Save_ValidAccountAndOwnNumber_IsConfiguredAndTheTokenIsEncrypted()
    {
        var result = await SaveAsync(new SmsFactorInput(FakeTwilio.AccountSid, FakeTwilio.AuthToken, FakeTwilio.From, null, null, ["US",
            "ca"]));

        var stored = await StoredAsync();
        Assert.True(result.Check!.IsValid, result.Check.Problem);
        Assert.True(stored.IsConfigured);
        Assert.Equal("US,CA", stored.AllowedCountries);
        Assert.DoesNotContain(FakeTwilio.AuthToken, stored.Primary.ProtectedAuthToken);
    }

    [Fact]
    public async Task Save_MessagingService_IsConfigured()
    {
        var result = await SaveAsync(new SmsFactorInput(FakeTwilio.AccountSid, FakeTwilio.AuthToken, null, FakeTwilio.MessagingServiceSid,
            null, []));

        Assert.True(result.Check!.IsValid, result.Check.Problem);
    }

    [Fact]
    public async Task Save_WrongToken_IsRecordedAsNotConfiguredWithTheReason()
    {
        var result = await SaveAsync(new SmsFactorInput(WrongTokenAccount, "wrong", FakeTwilio.From, null, null, []));

        Assert.Equal($"Twilio refused the Account SID {WrongTokenAccount} with this Auth Token: one of them is wrong.",
            result.Check!.Problem);
        Assert.False((await StoredAsync()).IsConfigured);
    }

    [Fact]
    public async Task Save_SuspendedAccount_SaysSo()
    {
        var result = await SaveAsync(new SmsFactorInput(SuspendedAccount, "token", FakeTwilio.From, null, null, []));

        Assert.Equal($"The Twilio account {SuspendedAccount} is suspended: it cannot send messages.", result.Check!.Problem);
    }

    [Fact]
    public async Task Save_SenderOfAnotherAccount_SaysSo()
    {
        var result = await SaveAsync(new SmsFactorInput(FakeTwilio.AccountSid, FakeTwilio.AuthToken, "+14155552671", null, null, []));

        Assert.Equal($"The sender +14155552671 is not a phone number of the Twilio account {FakeTwilio.AccountSid}.",
            result.Check!.Problem);
    }

    [Fact]
    public async Task Save_MalformedInput_NamesTheFieldsAndAsksTwilioNothing()
    {
        var result = await SaveAsync(new SmsFactorInput("AC123", "", "+1 555", null, "bad field!", ["XX"]));

        Assert.Null(result.Check);
        Assert.Equal(["accountSid", "authToken", "from", "phoneField", "allowedCountries[0]"],
            result.Problems.Select(problem => problem.Field));
    }

    [Fact]
    public async Task Bootstrap_SmsFactor_IsSavedCheckedAndNotCheckedAgainWhenUnchanged()
    {
        using var factory = new SqliteIdpFactory();
        factory.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = _twilio.Url;
        factory.KeepData = true;
        File.WriteAllText(factory.BootstrapPath, $$$"""
            {"smsFactor": {"accountSid": "{{{FakeTwilio.AccountSid}}}", "authToken": "{{{FakeTwilio.AuthToken}}}",
              "from": "{{{FakeTwilio.From}}}", "messagingServiceSid": null, "phoneField": "PhoneNumber", "allowedCountries": ["US"]} }
            """);
        _ = factory.Services;
        var checksAfterFirstStart = _twilio.AccountChecks;
        factory.Dispose();

        using var restarted = factory.Restart();
        restarted.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = _twilio.Url;
        await using var scope = restarted.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SmsFactorService>().GetAsync(CancellationToken.None);

        Assert.True(stored!.IsConfigured, stored.Primary.LastValidationError);
        Assert.Equal("US", stored.AllowedCountries);
        Assert.True(checksAfterFirstStart >= 1);
        Assert.Equal(checksAfterFirstStart, _twilio.AccountChecks);
    }

    private async Task<SmsFactorSaveResult> SaveAsync(SmsFactorInput input)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SmsFactorService>().SaveAsync(input, CancellationToken.None);
    }

    private async Task<SmsFactorSettings> StoredAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<SmsFactorSettings>().AsNoTracking().SingleAsync();
    }

    public void Dispose() => _factory.Dispose();
}
