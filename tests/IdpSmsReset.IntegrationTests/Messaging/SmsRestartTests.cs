using IdpSmsReset.Core.Messaging;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>A message queued by an instance that stops before sending it is sent by the next one.</summary>
public abstract class SmsRestartTests(FakeTwilio twilio)
{
    protected abstract IdpFactory NewFactory();

    [SkippableFact]
    public async Task MessageQueuedBeforeRestart_IsSentAfterIt()
    {
        var to = "+1415555" + Random.Shared.Next(1000, 9999);
        using var first = NewFactory();
        first.KeepData = true;
        first.Settings["Idp:Jobs:RunServer"] = "false";
        first.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = twilio.Url;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SmsFactorService>()
                .SaveAsync(new SmsFactorInput(FakeTwilio.AccountSid, FakeTwilio.AuthToken, FakeTwilio.From, null, null, []),
                    CancellationToken.None);
            Assert.True(saved.Check!.IsValid, saved.Check.Problem);
            var queued = await scope.ServiceProvider.GetRequiredService<SmsOutbox>()
                .EnqueueAsync(to, SmsPurposes.Test, "survives a restart", TimeSpan.FromMinutes(10), CancellationToken.None);
            Assert.NotNull(queued.MessageId);
        }

        await Task.Delay(500);
        Assert.Empty(twilio.MessagesTo(to));
        first.Dispose();

        using var second = first.Restart();
        second.Settings["Idp:Sms:Twilio:ApiBaseUrl"] = twilio.Url;
        _ = second.Services;
        Assert.Equal("survives a restart", Assert.Single(await twilio.WaitForMessagesToAsync(to)).Form["Body"]);
    }
}

public sealed class SmsRestartTestsOnSqlite(FakeTwilio twilio) : SmsRestartTests(twilio), IClassFixture<FakeTwilio>
{
    protected override IdpFactory NewFactory() => new SqliteIdpFactory();
}

public sealed class SmsRestartTestsOnPostgreSql(FakeTwilio twilio) : SmsRestartTests(twilio), IClassFixture<FakeTwilio>
{
    protected override IdpFactory NewFactory() => new PostgreSqlIdpFactory();
}
