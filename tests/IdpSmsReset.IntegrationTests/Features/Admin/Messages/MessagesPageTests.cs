using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Messages;

/// <summary>The SMS log on /admin/messages.</summary>
public abstract class MessagesPageTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task FailedMessageStillValid_Retried_ReachesTwilio_TextNeverShown()
    {
        const string to = "+14155557500";
        await Factory.ConfigureSmsFactorAsync();
        var id = await AddFailedMessageAsync(to, "secret text 424242", expiresIn: TimeSpan.FromMinutes(10));
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var failed = await admin.OpenAsync("/admin/messages?Status=failed");
        var retried = await admin.SubmitAsync(failed, formSelector: $"tr[data-message='{id}'] form");
        await Twilio.WaitForMessagesToAsync(to);

        Assert.NotNull(failed.Document.QuerySelector($"tr[data-message='{id}']"));
        Assert.DoesNotContain("424242", failed.Html);
        Assert.DoesNotContain(to, failed.Html);
        Assert.Contains("The message is queued again.", retried.Text);
        Assert.Equal("secret text 424242", Assert.Single(Twilio.MessagesTo(to)).Form["Body"]);
        var audited = Assert.Single(await Factory.AuditEventsOfTypeAsync(Core.Administration.AdminEventTypes.MessageRetried),
            e => (e.Details ?? "").Contains(id.ToString()));
        Assert.DoesNotContain("424242", audited.Details);
        Assert.DoesNotContain(to, audited.Details);
    }

    [SkippableFact]
    public async Task FailedMessageExpired_NoRetryOffered()
    {
        var id = await AddFailedMessageAsync("+14155557501", "too late", expiresIn: TimeSpan.FromMinutes(-1));
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var page = await admin.OpenAsync("/admin/messages?Status=Failed");

        Assert.NotNull(page.Document.QuerySelector($"tr[data-message='{id}']"));
        Assert.Null(page.Document.QuerySelector($"tr[data-message='{id}'] form"));
    }

    [SkippableFact]
    public async Task OddFilters_SaidAndIgnored_NeverAnError()
    {
        using var admin = await Factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var page = await admin.OpenAsync("/admin/messages?Status=Exploded&from=yesterday&to=2026-13-45&p=-3");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.Contains("'Exploded' is not a message status; the status filter is ignored.", page.Text);
        Assert.Contains("Page 1", page.Text);
    }

    private async Task<Guid> AddFailedMessageAsync(string to, string body, TimeSpan expiresIn)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var now = Factory.Clock.GetUtcNow().UtcDateTime;
        var message = new OutboundSms
        {
            Id = Guid.NewGuid(), Destination = to, Country = "US", Purpose = SmsPurposes.Test,
            ProtectedBody = scope.ServiceProvider.GetRequiredService<SmsProtection>().Body.Protect(body),
            Status = OutboundSmsStatus.Failed, LastError = "21610: unsubscribed", Attempts = 1,
            CreatedAt = now, UpdatedAt = now, NextAttemptAt = now, ExpiresAt = now + expiresIn,
        };
        database.Add(message);
        await database.SaveChangesAsync();
        return message.Id;
    }
}

public sealed class MessagesPageTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : MessagesPageTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class MessagesPageTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : MessagesPageTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
