using System.Net;
using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;

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
}

public sealed class MessageApiTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : MessageApiTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class MessageApiTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : MessageApiTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
