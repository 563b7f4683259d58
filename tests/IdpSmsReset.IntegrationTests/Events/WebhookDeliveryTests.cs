using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Events;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Events;

/// <summary>
/// What a receiver sees: every event it asked for as a CloudEvent signed as Standard Webhooks says, checked by a verifier
/// written from the specification; retries with the same id; a subject's events in order; nothing lost when the job is.
/// </summary>
public abstract class WebhookDeliveryTests : IDisposable
{
    private readonly IdpFactory _factory;
    private readonly WebhookReceiver _receiver = new();

    protected WebhookDeliveryTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:Webhooks:RetryDelays:0"] = "00:00:00.200";
        factory.Settings["Idp:Webhooks:RetryDelays:1"] = "00:00:00.200";
    }

    [SkippableFact]
    public async Task FailedSignIn_TwoReceivers_EachGetsASignedCloudEvent_PersonalDataOnlyWhereAsked()
    {
        await _factory.SubscribeAsync(_receiver.Url + "/hook", ["sign-in.*"]);
        await _factory.SubscribeAsync(_receiver.Url + "/personal", ["sign-in.failed"], personalData: true);

        await _factory.FailSignInAsync("carol");

        var plain = (await _receiver.WaitForAsync(posts => posts.Count >= 1)).Single();
        var personal = (await _receiver.WaitForAsync(posts => posts.Count >= 1, "/personal")).Single();
        var carol = (await _factory.AuditEventsOfAsync("carol")).Last(e => e.Type == AuditEventTypes.SignInFailed);
        foreach (var post in new[] { plain, personal })
        {
            Assert.True(post.VerifiesWith(Webhooks.Secret, _factory.Clock.GetUtcNow()), "The signature does not verify.");
            Assert.StartsWith("msg_", post.Header("webhook-id"));
            Assert.StartsWith("application/cloudevents+json", post.Header("content-type"));
            var cloudEvent = post.Event;
            Assert.Equal("1.0", cloudEvent.GetProperty("specversion").GetString());
            Assert.Equal("sign-in.failed", cloudEvent.GetProperty("type").GetString());
            Assert.Equal(carol.Id.ToString(), cloudEvent.GetProperty("id").GetString());
            Assert.Equal(IdpFactory.Origin + "/", cloudEvent.GetProperty("source").GetString());
            Assert.Equal(carol.SubjectUserId, cloudEvent.GetProperty("subject").GetString());
            Assert.Equal("failure", cloudEvent.GetProperty("data").GetProperty("outcome").GetString());
            Assert.Equal(carol.SubjectUserId, cloudEvent.GetProperty("data").GetProperty("subjectUserId").GetString());
        }

        Assert.NotEqual(plain.Header("webhook-id"), personal.Header("webhook-id"));
        Assert.False(plain.Event.GetProperty("data").TryGetProperty("subjectUserName", out _));
        Assert.DoesNotContain("carol", plain.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("carol", personal.Event.GetProperty("data").GetProperty("subjectUserName").GetString());
        Assert.True(personal.Event.GetProperty("data").TryGetProperty("ipAddress", out _));
    }

    [SkippableFact]
    public async Task ReceiverFailsTwice_ThirdAttemptDelivered_WithTheSameWebhookIdEachTime()
    {
        _receiver.FailFirst(2, "/flaky");
        var subscription = await _factory.SubscribeAsync(_receiver.Url + "/flaky", ["sign-in.failed"]);

        await _factory.FailSignInAsync("dave");

        var posts = await _receiver.WaitForAsync(posts => posts.Count >= 3, "/flaky");
        var delivery = (await _factory.WaitForEndedDeliveriesAsync(subscription)).Single();
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Single(posts.Select(post => post.Header("webhook-id")).Distinct());
        Assert.Equal($"msg_{delivery.MessageId:N}", posts[0].Header("webhook-id"));
        Assert.All(posts, post => Assert.True(post.VerifiesWith(Webhooks.Secret, _factory.Clock.GetUtcNow())));
    }

    [SkippableFact]
    public async Task ManyEventsForOneSubject_SlowReceiver_ArriveInTheOrderTheyHappened()
    {
        _receiver.Answer(200, "/slow", delay: TimeSpan.FromMilliseconds(150));
        var subscription = await _factory.SubscribeAsync(_receiver.Url + "/slow", ["*"]);
        string[] happened = [AuditEventTypes.PhoneChanged, AuditEventTypes.PasswordChanged, AuditEventTypes.SessionEnded,
            AuditEventTypes.AuthenticatorAdded, AuditEventTypes.RecoveryCodesGenerated, AuditEventTypes.TwoStepEnabled];
        var erin = await UserIdAsync("erin");

        foreach (var type in happened)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RaiseAsync(type, "erin", erin, null, null, CancellationToken.None);
        }

        var posts = await _receiver.WaitForAsync(posts => posts.Count >= happened.Length, "/slow");
        Assert.Equal(happened, posts.Select(post => post.Event.GetProperty("data").GetProperty("auditType").GetString()));
        Assert.Equal(["user.phone-changed", "password.changed", "session.ended", "mfa.enrolled", "recovery-codes.generated",
            "mfa.enrolled"], posts.Select(post => post.Type));
        Assert.All(await _factory.WaitForEndedDeliveriesAsync(subscription, happened.Length),
            delivery => Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status));
    }

    [SkippableFact]
    public async Task ChangeCommittedButItsJobNeverEnqueued_TheSweeper_DeliversIt()
    {
        var subscription = await _factory.SubscribeAsync(_receiver.Url + "/late", ["user.*"]);
        // The state a crash right after the commit leaves: the event and its delivery saved, no job for it.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var longAgo = _factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
            var audit = new AuditEvent
            {
                Id = Guid.NewGuid(), OccurredAt = longAgo, Type = "admin.user-disabled", Actor = "root",
                SubjectUserId = await UserIdAsync("frank"),
            };
            await database.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "AuditEvents" ("Id", "OccurredAt", "Type", "Actor", "SubjectUserId")
                VALUES ({audit.Id}, {audit.OccurredAt}, {audit.Type}, {audit.Actor}, {audit.SubjectUserId})
                """);
            await database.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "WebhookDeliveries" ("MessageId", "SubscriptionId", "AuditEventId", "EventType", "SubjectKey", "Status",
                    "Attempts", "CreatedAt", "NextAttemptAt")
                VALUES ({Guid.NewGuid()}, {subscription}, {audit.Id}, {"user.disabled"}, {audit.SubjectUserId}, {"Pending"}, {0},
                    {longAgo}, {longAgo})
                """);
        }

        await Task.Delay(500);
        Assert.Empty(_receiver.Posts("/late"));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<WebhookOutboxSweeper>().RunAsync(CancellationToken.None));
        }

        var post = (await _receiver.WaitForAsync(posts => posts.Count >= 1, "/late")).Single();
        Assert.Equal("user.disabled", post.Type);
        Assert.True(post.VerifiesWith(Webhooks.Secret, _factory.Clock.GetUtcNow()));
    }

    [SkippableFact]
    public async Task ReceiverRedirects_TheRedirectNotFollowed_DeliveryFailsWithTheStatus()
    {
        _receiver.Answer(307, "/moved", location: _receiver.Url + "/internal-admin");
        var subscription = await _factory.SubscribeAsync(_receiver.Url + "/moved", ["sign-in.failed"]);

        await _factory.FailSignInAsync("grace");

        var delivery = (await _factory.WaitForEndedDeliveriesAsync(subscription)).Single();
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal(307, delivery.LastStatusCode);
        Assert.Contains("redirect", delivery.LastError);
        Assert.Empty(_receiver.Posts("/internal-admin"));
    }

    [SkippableFact]
    public async Task TestEventAndSendAgain_ReachOnlyThisReceiver_SendAgainKeepsTheWebhookId()
    {
        var subscription = await _factory.SubscribeAsync(_receiver.Url + "/hook", ["sign-in.failed"]);
        var other = await _factory.SubscribeAsync(_receiver.Url + "/other", ["*"]);
        await using var scope = _factory.Services.CreateAsyncScope();
        var subscriptions = scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>();

        var tested = await subscriptions.SendTestAsync(subscription, Webhooks.Tester, CancellationToken.None);
        var first = (await _receiver.WaitForAsync(posts => posts.Count >= 1)).Single();
        await _factory.WaitForEndedDeliveriesAsync(subscription);
        var again = await subscriptions.RedeliverAsync(subscription, long.Parse(tested.Id!), Webhooks.Tester, CancellationToken.None);
        var posts = await _receiver.WaitForAsync(posts => posts.Count >= 2);

        Assert.True(again.Succeeded);
        Assert.Equal("webhook.test", first.Type);
        Assert.Equal(first.Header("webhook-id"), posts[1].Header("webhook-id"));
        Assert.DoesNotContain(await _factory.DeliveriesOfAsync(other), delivery => delivery.EventType == "webhook.test");
        Assert.Contains(await _factory.AuditEventsOfTypeAsync(Core.Administration.AdminEventTypes.WebhookRedelivered), e =>
            e.Actor == Webhooks.Tester.Name);
    }

    public void Dispose()
    {
        _receiver.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Users.Where(u => u.UserName == userName).Select(u => u.Id)
            .SingleAsync();
    }
}

public sealed class WebhookDeliveryTestsOnSqlite(SqliteIdpFactory factory) : WebhookDeliveryTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class WebhookDeliveryTestsOnPostgreSql(PostgreSqlIdpFactory factory) : WebhookDeliveryTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
