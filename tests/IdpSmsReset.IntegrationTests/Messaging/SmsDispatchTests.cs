using Hangfire;
using IdpSmsReset.Core.Messaging;
using Microsoft.AspNetCore.DataProtection;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Messaging;

/// <summary>The outbox and the dispatch job against WireMock playing Twilio, each test sending to its own number.</summary>
public abstract class SmsDispatchTests : TwilioBackedTests
{

    protected SmsDispatchTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        // Short enough for the timeout test, long enough that a cold first request on a busy 2-core machine (JIT,
        // connection set-up) is not mistaken for Twilio being unreachable, which 1 s sometimes was.
        factory.Settings["Idp:Sms:Twilio:Timeout"] = "00:00:03";
    }

    [SkippableFact]
    public async Task Enqueue_WithSenderNumber_TwilioGetsTheAccountCredentialsAndTheFullForm()
    {
        const string to = "+14155550111";
        await ConfigureFactorAsync();

        var message = await SendAndWaitAsync(to, "Your code is 123456", TimeSpan.FromMinutes(10));

        var received = Assert.Single(Twilio.MessagesTo(to));
        Assert.Equal((FakeTwilio.AccountSid, FakeTwilio.AuthToken), received.Credentials);
        Assert.Equal(FakeTwilio.From, received.Form["From"]);
        Assert.Equal("Your code is 123456", received.Form["Body"]);
        Assert.Equal("http://localhost/webhooks/twilio/status", received.Form["StatusCallback"]);
        Assert.Equal(OutboundSmsStatus.Sent, message.Status);
        Assert.StartsWith("SM", message.TwilioSid);
        Assert.DoesNotContain("123456", message.ProtectedBody);
    }

    [SkippableFact]
    public async Task Enqueue_WithMessagingService_TwilioGetsTheServiceInsteadOfANumber()
    {
        const string to = "+14155550118";
        await ConfigureFactorAsync(messagingService: true);

        var message = await SendAndWaitAsync(to, "via a service", TimeSpan.FromMinutes(10));
        await ConfigureFactorAsync();

        var received = Assert.Single(Twilio.MessagesTo(to));
        Assert.Equal(FakeTwilio.MessagingServiceSid, received.Form["MessagingServiceSid"]);
        Assert.False(received.Form.ContainsKey("From"));
        Assert.Equal(OutboundSmsStatus.Sent, message.Status);
    }

    [SkippableFact]
    public async Task Throttled429ThenCreated_SendsExactlyOnce()
    {
        const string to = "+14155550112";
        await ConfigureFactorAsync();
        Twilio.AnswerMessagesTo(to, response => FakeTwilio.Error(response, 429, 20429, "Too Many Requests"), FakeTwilio.Created);

        var message = await SendAndWaitAsync(to, "throttled once", TimeSpan.FromMinutes(10));

        Assert.Equal(OutboundSmsStatus.Sent, message.Status);
        Assert.Equal(2, Twilio.MessagesTo(to).Count);
        Assert.Equal(2, message.Attempts);
    }

    [SkippableFact]
    public async Task InvalidNumber21211_FailsAtOnceWithTheReason()
    {
        const string to = "+14155550113";
        await ConfigureFactorAsync();
        Twilio.AnswerMessagesTo(to, response => FakeTwilio.Error(response, 400, 21211, "The 'To' number is not a valid phone number."));

        var message = await SendAndWaitAsync(to, "never arrives", TimeSpan.FromMinutes(10));
        await Task.Delay(1500);

        Assert.Equal(OutboundSmsStatus.Failed, message.Status);
        Assert.Equal("The destination is not a valid phone number (Twilio 21211).", message.LastError);
        Assert.Equal(SmsErrorClasses.InvalidNumber, message.ErrorClass);
        Assert.Single(Twilio.MessagesTo(to));
        // The event other systems hear (sms.failed), committed with the status: why, never the number.
        var failed = Assert.Single(await Factory.AuditEventsOfTypeAsync(Core.Audit.AuditEventTypes.SmsFailed),
            e => e.Details!.Contains(SmsErrorClasses.InvalidNumber, StringComparison.Ordinal));
        Assert.DoesNotContain("550113", failed.Details);
    }

    [SkippableFact]
    public async Task TimeoutThenSuccess_RetriedAndSent_NeverMorePostsThanAttempts()
    {
        const string to = "+14155550114";
        await ConfigureFactorAsync();
        Twilio.AnswerMessagesTo(to, response => FakeTwilio.Created(response).WithDelay(TimeSpan.FromSeconds(4)), FakeTwilio.Created);

        var message = await SendAndWaitAsync(to, "slow first", TimeSpan.FromMinutes(10));

        // The timed-out POST reached "Twilio", which accepted it once it answered: the retry asks Twilio first and adopts
        // it when it is listed by then; otherwise it sends again. On a busy machine a second try may time out too
        // (WireMock moves the scenario on when the slow answer is finally written).
        Assert.Equal(OutboundSmsStatus.Sent, message.Status);
        Assert.InRange(message.Attempts, 2, 4);
        Assert.InRange(Twilio.MessagesTo(to).Count, 1, message.Attempts);
        Assert.Null(message.LastError);
    }

    [SkippableFact]
    public async Task ServerErrorsUntilExpiry_GiveUpWithoutOutlivingTheMessage()
    {
        const string to = "+14155550115";
        await ConfigureFactorAsync();
        Twilio.AnswerMessagesTo(to, response => FakeTwilio.Error(response, 503, 0, "Service Unavailable"));

        var message = await SendAndWaitAsync(to, "short-lived", TimeSpan.FromSeconds(3));

        Assert.Equal(OutboundSmsStatus.Expired, message.Status);
        Assert.InRange(Twilio.MessagesTo(to).Count, 1, 3);
    }

    [SkippableFact]
    public async Task ExpiredMessage_IsNeverSent()
    {
        const string to = "+14155550116";
        await ConfigureFactorAsync();

        var message = await SendAndWaitAsync(to, "too late", TimeSpan.FromMilliseconds(1));

        Assert.Equal(OutboundSmsStatus.Expired, message.Status);
        Assert.Empty(Twilio.MessagesTo(to));
    }

    [SkippableFact]
    public async Task DispatchJob_RunAgainAfterSending_DoesNotSendTwice()
    {
        const string to = "+14155550117";
        await ConfigureFactorAsync();
        var message = await SendAndWaitAsync(to, "once only", TimeSpan.FromMinutes(10));

        // As Hangfire would: the same job again, twice at once, each in its own scope.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SmsDispatchJob>().RunAsync(message.Id, CancellationToken.None);
        }));

        Assert.Single(Twilio.MessagesTo(to));
    }

    [SkippableFact]
    public async Task JobStorage_AfterSendingACode_HoldsNeitherTheTextNorTheNumber()
    {
        const string to = "+14155550119";
        await ConfigureFactorAsync();
        var message = await SendAndWaitAsync(to, "Your code is 998877", TimeSpan.FromMinutes(10));

        // What the dashboard shows of every job: its arguments. The job may still be finishing, so look a few times.
        var monitoring = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var arguments = "";
        for (var look = 0; look < 50 && !arguments.Contains(message.Id.ToString()); look++)
        {
            await Task.Delay(100);
            var jobs = monitoring.SucceededJobs(0, 1000).Select(job => job.Value.Job)
                .Concat(monitoring.ProcessingJobs(0, 1000).Select(job => job.Value.Job))
                .Concat(monitoring.ScheduledJobs(0, 1000).Select(job => job.Value.Job))
                .Where(job => job is not null);
            arguments = string.Join(" ", jobs.SelectMany(job => job!.Args).Select(argument => argument?.ToString()));
        }

        Assert.Contains(message.Id.ToString(), arguments);
        Assert.DoesNotContain("998877", arguments);
        Assert.DoesNotContain(to, arguments);
    }

    [SkippableFact]
    public async Task Sweeper_MessageWhoseJobWasLost_IsEnqueuedAndSent()
    {
        const string to = "+14155550120";
        await ConfigureFactorAsync();
        var id = Guid.NewGuid();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var now = DateTime.UtcNow;
            database.Add(new OutboundSms
            {
                Id = id, Destination = to, Country = "US", Purpose = SmsPurposes.Test,
                ProtectedBody = scope.ServiceProvider.GetRequiredService<SmsProtection>().Body.Protect("lost job"),
                CreatedAt = now.AddMinutes(-3), UpdatedAt = now.AddMinutes(-3), NextAttemptAt = now.AddMinutes(-3),
                    ExpiresAt = now.AddMinutes(5),
            });
            await database.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<SmsOutboxSweeper>().RunAsync(CancellationToken.None);
        }

        Assert.Equal("lost job", Assert.Single(await Twilio.WaitForMessagesToAsync(to)).Form["Body"]);
    }

    [SkippableFact]
    public async Task DestinationOutsideAllowedCountries_IsRefusedBeforeAnythingIsQueued()
    {
        await ConfigureFactorAsync(allowedCountries: ["US"]);
        await using var scope = Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<SmsOutbox>()
            .EnqueueAsync("+33612345678", SmsPurposes.Test, "bonjour", TimeSpan.FromMinutes(10), CancellationToken.None);
        await ConfigureFactorAsync();

        Assert.Null(result.MessageId);
        Assert.Equal("SMS to FR numbers is not allowed.", result.Problem?.English);
        Assert.Empty(Twilio.MessagesTo("+33612345678"));
    }

    protected Task ConfigureFactorAsync(string[]? allowedCountries = null, bool messagingService = false) =>
        Factory.ConfigureSmsFactorAsync(allowedCountries, messagingService);

    [SkippableFact]
    public async Task ClaimAbandonedAfterTwilioAccepted_NextRunAdoptsTwiliosMessage_NotSentTwice()
    {
        const string to = "+14155550131";
        await ConfigureFactorAsync();
        var sent = await SendAndWaitAsync(to, "accepted, then the instance died", TimeSpan.FromMinutes(10));
        // As an instance leaves it when killed between Twilio's answer and recording it.
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var abandonedAt = Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OutboundSms>().Where(message => message.Id == sent.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(message => message.Status, OutboundSmsStatus.Sending)
                    .SetProperty(message => message.TwilioSid, (string?)null).SetProperty(message => message.ClaimedAt, abandonedAt));
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SmsDispatchJob>().RunAsync(sent.Id, CancellationToken.None);
        }

        var recovered = await ReloadAsync(sent.Id);
        Assert.Single(Twilio.MessagesTo(to));
        Assert.Equal(OutboundSmsStatus.Sent, recovered.Status);
        Assert.Equal(sent.TwilioSid, recovered.TwilioSid);
    }

    [SkippableFact]
    public async Task ClaimAbandonedBeforeTwilioWasReached_NextRunSendsIt()
    {
        const string to = "+14155550132";
        await ConfigureFactorAsync();
        Guid id;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<SmsOutbox>().QueueAsync(to, SmsPurposes.Test, "never left",
                TimeSpan.FromMinutes(10), CancellationToken.None)).MessageId!.Value;
            var abandonedAt = Factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OutboundSms>().Where(message => message.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(message => message.Status, OutboundSmsStatus.Sending)
                    .SetProperty(message => message.ClaimedAt, abandonedAt).SetProperty(message => message.Attempts, 1));
        }

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SmsOutboxSweeper>().RunAsync(CancellationToken.None);
        }

        var received = await Twilio.WaitForMessagesToAsync(to);
        Assert.Single(received);
        Assert.Equal("never left", received[0].Form["Body"]);
    }

    private Task<OutboundSms> SendAndWaitAsync(string to, string body, TimeSpan lifetime) => Factory.SendAndWaitAsync(to, body, lifetime);

    private Task<OutboundSms> ReloadAsync(Guid id) => Factory.ReloadSmsAsync(id);
}

public sealed class SmsDispatchTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : SmsDispatchTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class SmsDispatchTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : SmsDispatchTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
