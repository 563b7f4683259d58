using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>
/// The SMS factor with a secondary Twilio account: circuit breaking and failover, against WireMock playing both
/// accounts, each test sending to its own numbers.
/// </summary>
public abstract class SmsFailoverTests : TwilioBackedTests
{
    protected SmsFailoverTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        // As in SmsDispatchTests: 1 s sometimes took a cold first request for Twilio being unreachable.
        factory.Settings["Idp:Sms:Twilio:Timeout"] = "00:00:03";
        factory.Settings["Idp:Sms:Breaker:MinimumSends"] = "5";
        factory.Settings["Idp:Sms:Breaker:BreakDuration"] = "00:00:30";
    }

    [SkippableFact]
    public async Task Primary503FiveTimes_BreakerOpensAndTheSecondarySends_ThenThePrimaryRecoversOnTheProbe()
    {
        await ConfigureBothAsync();
        var failing = Enumerable.Range(0, 5).Select(index => $"+1415555{2100 + index}").ToArray();
        foreach (var to in failing)
        {
            Twilio.AnswerMessagesTo(FakeTwilio.AccountSid, to, response => FakeTwilio.Error(response, 503, 0, "Service Unavailable"));
        }

        var first = await Task.WhenAll(failing.Select(to => Factory.SendAndWaitAsync(to, "primary down", TimeSpan.FromMinutes(10))));
        var whileOpen = await Factory.SendAndWaitAsync("+14155552110", "breaker open", TimeSpan.FromMinutes(10));
        var openHealth = await HealthAsync(SmsAccountNames.Primary);
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var overview = await admin.OpenAsync("/admin");
        var log = await admin.OpenAsync("/admin/messages");
        Factory.Clock.Advance(TimeSpan.FromSeconds(31));
        var probe = await Factory.SendAndWaitAsync("+14155552111", "primary back", TimeSpan.FromMinutes(10));
        var closedHealth = await HealthAsync(SmsAccountNames.Primary);
        await using var scope = Factory.Services.CreateAsyncScope();
        var audited = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
            .CountAsync(audit => audit.Type == AuditEventTypes.SmsBreakerOpened);
        var failovers = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
            .Where(audit => audit.Type == AuditEventTypes.SmsFailover).Select(audit => audit.Details).ToListAsync();

        Assert.All(first, message => Assert.Equal(OutboundSmsStatus.Sent, message.Status));
        Assert.All(failing, to => Assert.Equal([FakeTwilio.SecondaryAccountSid], Twilio.AcceptedBy(to)));
        Assert.All(first, message => Assert.Equal(SmsAccountNames.Secondary, message.Account));
        Assert.Equal([FakeTwilio.SecondaryAccountSid], Twilio.AcceptedBy("+14155552110"));
        Assert.Equal(SmsAccountNames.Secondary, whileOpen.Account);
        Assert.NotNull(openHealth?.OpenedAt);
        Assert.NotNull(openHealth?.LastFailoverAt);
        Assert.Equal("open: the other account sends",
            overview.Document.QuerySelector("tr[data-account='primary'] .breaker")?.TextContent.Trim());
        Assert.Equal("secondary", log.Document.QuerySelector($"tr[data-message='{whileOpen.Id}'] .account")?.TextContent.Trim());
        Assert.Equal([FakeTwilio.AccountSid], Twilio.AcceptedBy("+14155552111"));
        Assert.Equal(SmsAccountNames.Primary, probe.Account);
        Assert.Null(closedHealth?.OpenedAt);
        Assert.NotNull(closedHealth?.ClosedAt);
        Assert.True(audited >= 1);
        Assert.Contains(failovers, details => details!.Contains(whileOpen.Id.ToString()) && details.Contains("circuit breaker is open"));
        Assert.All(failovers, details => Assert.DoesNotContain("+1415555", details));
        Assert.NotEmpty(await Factory.AuditEventsOfTypeAsync(AuditEventTypes.SmsBreakerClosed));
    }

    [SkippableFact]
    public async Task InvalidNumberOnThePrimary_FailsWithoutTryingTheSecondary()
    {
        const string to = "+14155552120";
        await ConfigureBothAsync();
        Twilio.AnswerMessagesTo(FakeTwilio.AccountSid, to,
            response => FakeTwilio.Error(response, 400, 21211, "The 'To' number is not a valid phone number."));

        var message = await Factory.SendAndWaitAsync(to, "bad number", TimeSpan.FromMinutes(10));
        await Task.Delay(1500);

        Assert.Equal(OutboundSmsStatus.Failed, message.Status);
        Assert.Equal(SmsErrorClasses.InvalidNumber, message.ErrorClass);
        Assert.Single(Twilio.MessagesTo(to));
        Assert.Empty(Twilio.AcceptedBy(to));
    }

    [SkippableFact]
    public async Task TimeoutAfterThePrimaryAccepted_RetriedOnThePrimary_TheSecondarySendsNoDuplicate()
    {
        const string to = "+14155552130";
        await ConfigureBothAsync();
        Twilio.AnswerMessagesTo(FakeTwilio.AccountSid, to, response => FakeTwilio.Created(response).WithDelay(TimeSpan.FromSeconds(4)),
            FakeTwilio.Created);

        var message = await Factory.SendAndWaitAsync(to, "slow primary", TimeSpan.FromMinutes(10));

        Assert.Equal(OutboundSmsStatus.Sent, message.Status);
        Assert.Equal(SmsAccountNames.Primary, message.Account);
        Assert.DoesNotContain(FakeTwilio.SecondaryAccountSid, Twilio.AcceptedBy(to));
        Assert.NotEmpty(Twilio.AcceptedBy(to));
    }

    private async Task ConfigureBothAsync()
    {
        await Factory.ConfigureSmsFactorAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SmsFactorService>();
        if ((await service.GetAsync(CancellationToken.None))?.HasUsableSecondary == true)
        {
            return;
        }

        var saved = await service.SaveSecondaryAsync(new SmsFactorInput(FakeTwilio.SecondaryAccountSid, FakeTwilio.SecondaryAuthToken,
            FakeTwilio.SecondaryFrom, null, null, []), CancellationToken.None);
        Assert.True(saved.Check?.IsValid, saved.Check?.Problem);
    }

    private async Task<SmsAccountHealth?> HealthAsync(string account)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<SmsAccountHealth>().AsNoTracking()
            .SingleOrDefaultAsync(health => health.Account == account);
    }
}

public sealed class SmsFailoverTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SmsFailoverTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SmsFailoverTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SmsFailoverTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
