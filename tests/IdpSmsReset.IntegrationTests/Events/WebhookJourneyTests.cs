using System.Text.Json.Nodes;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Events;

/// <summary>
/// What an outside system does on the first day: a receiver subscribed through the bootstrap file hears a failed
/// sign-in and a completed password reset, and verifies both with the secret it was given.
/// </summary>
public abstract class WebhookJourneyTests : TwilioBackedTests, IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    protected WebhookJourneyTests(IdpFactory factory, FakeTwilio twilio)
        : base(factory, twilio)
    {
        var bootstrap = JsonNode.Parse(File.ReadAllText(factory.BootstrapPath))!.AsObject();
        bootstrap["webhooks"] = new JsonArray(new JsonObject
        {
            ["url"] = _receiver.Url + "/hook",
            ["events"] = new JsonArray("sign-in.failed", "password-reset.*"),
            ["secret"] = Webhooks.Secret,
        });
        File.WriteAllText(factory.BootstrapPath, bootstrap.ToJsonString());
    }

    [SkippableFact]
    public async Task BootstrapReceiver_FailedSignInThenCompletedReset_BothArriveVerified()
    {
        await Factory.ConfigureSmsFactorAsync();
        await Factory.FailSignInAsync("uma");
        using (var browser = Factory.CreateBrowser())
        {
            var codePage = await browser.StartResetAsync("uma");
            var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("uma"), seenBefore: 0);
            var done = await browser.SetNewPasswordAsync(await browser.SubmitResetCodeAsync(codePage, code));
            Assert.Equal("/account/login", done.Path);
        }

        var posts = await _receiver.WaitForAsync(posts => posts.Any(post => post.Type == "password-reset.completed"));

        Assert.All(posts, post => Assert.True(post.VerifiesWith(Webhooks.Secret, Factory.Clock.GetUtcNow())));
        Assert.Equal("sign-in.failed", posts[0].Type);
        Assert.Contains(posts, post => post.Type == "password-reset.requested");
        var uma = (await Factory.AuditEventsOfAsync("uma")).Single(e => e.Type == "password-reset.completed");
        var completed = posts.Single(post => post.Type == "password-reset.completed").Event;
        Assert.Equal(uma.Id.ToString(), completed.GetProperty("id").GetString());
        Assert.Equal(uma.SubjectUserId, completed.GetProperty("data").GetProperty("subjectUserId").GetString());
        Assert.Equal("success", completed.GetProperty("data").GetProperty("outcome").GetString());
        // No personal data unless the subscription asks: not the name, not the address.
        Assert.DoesNotContain(posts, post => post.Body.Contains("uma", StringComparison.Ordinal)
            || post.Event.GetProperty("data").TryGetProperty("ipAddress", out _));
    }

    public void Dispose()
    {
        _receiver.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class WebhookJourneyTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : WebhookJourneyTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class WebhookJourneyTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : WebhookJourneyTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
