using System.Net;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Api.Messages;

/// <summary><c>/api/v1/messages</c>: the SMS log for a monitoring script, the number masked and the text never shown.</summary>
public abstract class MessageApiTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    [SkippableFact]
    public async Task Messages_NewestFirst_NumberMasked_NeverTheText_BadFiltersSaid()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        await browser.SubmitPasswordAsync("judy");
        var code = await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("judy"), seenBefore: 0);
        using var reader = await ApiClients.WithScopeAsync(Factory, "api-messages", "idp:admin:read");

        var page = await reader.GetStringAsync("/api/v1/messages?limit=5");
        using var badStatus = await reader.GetAsync("/api/v1/messages?status=lost");
        using var badCursor = await reader.GetAsync("/api/v1/messages?cursor=nonsense");

        var message = JsonDocument.Parse(page).RootElement.GetProperty("items")[0];
        Assert.StartsWith("+•", message.GetProperty("destination").GetString());
        Assert.DoesNotContain(code, page);
        Assert.DoesNotContain(TestBootstrap.PhoneOf("judy"), page);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    [SkippableFact]
    public async Task Resend_ASentMessageThenAFailedOne_ConflictThenSentAgainAuditedWithTheApplication()
    {
        await Factory.ConfigureSmsFactorAsync();
        using var browser = Factory.CreateBrowser();
        await browser.SubmitPasswordAsync("mallory");
        await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("mallory"), seenBefore: 0);
        using var admin = await ApiClients.WithScopeAsync(Factory, "api-messages-admin", "idp:admin");
        await using var scope = Factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var id = await database.Set<OutboundSms>().Where(sms => sms.Destination == TestBootstrap.PhoneOf("mallory"))
            .Select(sms => sms.Id).SingleAsync();

        using var sent = await admin.PostAsync($"/api/v1/messages/{id}/resend", null);
        // As a message Twilio refused for good: failed, and no Twilio id.
        await database.Set<OutboundSms>().Where(sms => sms.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(sms => sms.Status, OutboundSmsStatus.Failed).SetProperty(sms => sms.TwilioSid, (string?)null));
        using var failed = await admin.PostAsync($"/api/v1/messages/{id}/resend", null);
        await Twilio.NextSmsCodeAsync(TestBootstrap.PhoneOf("mallory"), seenBefore: 1);

        Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);
        var refusal = JsonDocument.Parse(await sent.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("not-resendable", refusal.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, failed.StatusCode);
        Assert.Single(await Factory.AuditEventsOfTypeAsync(AdminEventTypes.MessageRetried),
            e => e.Actor == "application:api-messages-admin");
    }
}

public sealed class MessageApiTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : MessageApiTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class MessageApiTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : MessageApiTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
