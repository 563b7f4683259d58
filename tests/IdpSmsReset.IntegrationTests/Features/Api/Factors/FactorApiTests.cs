using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Factors;

/// <summary>
/// <c>/api/v1/sms-factor</c> and <c>/api/v1/authenticator-apps</c> against WireMock playing Twilio: the dashboard's
/// command, Twilio's check, the audit, and the auth token never coming back.
/// </summary>
public abstract class FactorApiTests(IdpFactory factory, FakeTwilio twilio) : TwilioBackedTests(factory, twilio)
{
    private const string SmsFactor = "/api/v1/sms-factor";

    [SkippableFact]
    public async Task SmsFactor_SavedCheckedAndShownWithoutTheToken_ThenATestSms_ThenTheSecondaryRemoved()
    {
        const string testNumber = "+14155557310";
        using var api = await ApiClients.WithScopeAsync(Factory, "factor-script", "idp:admin");

        using var saved = await api.PutAsJsonAsync(SmsFactor, new
        {
            accountSid = FakeTwilio.AccountSid, authToken = FakeTwilio.AuthToken, from = FakeTwilio.From, allowedCountries = new[] { "US" },
        });
        var shown = await api.GetAsync(SmsFactor);
        using var secondary = await api.SendAsync(HttpMethod.Put, SmsFactor + "/secondary", shown.Headers.ETag!, new
        {
            accountSid = FakeTwilio.SecondaryAccountSid, authToken = FakeTwilio.SecondaryAuthToken, from = FakeTwilio.SecondaryFrom,
        });
        using var stale = await api.SendAsync(HttpMethod.Delete, SmsFactor + "/secondary", shown.Headers.ETag!, null);
        using var removed = await api.SendAsync(HttpMethod.Delete, SmsFactor + "/secondary", secondary.Headers.ETag!, null);
        using var test = await api.PostAsJsonAsync(SmsFactor + "/test", new { to = testNumber });
        var received = await Twilio.WaitForMessagesToAsync(testNumber);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FakeTwilio.AuthToken, body);
        var factor = JsonDocument.Parse(body).RootElement;
        Assert.True(factor.GetProperty("authTokenSet").GetBoolean());
        Assert.Equal(JsonValueKind.Null, factor.GetProperty("lastValidationError").ValueKind);
        Assert.Equal("US", factor.GetProperty("allowedCountries")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, secondary.StatusCode);
        Assert.Equal(FakeTwilio.SecondaryAccountSid,
            (await secondary.JsonAsync()).GetProperty("secondary").GetProperty("accountSid").GetString());
        Assert.DoesNotContain(FakeTwilio.SecondaryAuthToken, await secondary.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await removed.JsonAsync()).GetProperty("secondary").ValueKind);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        Assert.Equal(FactorAdministration.TestText, Assert.Single(received).Form["Body"]);
        var changes = await Factory.AuditEventsOfTypeAsync(AdminEventTypes.SmsFactorChanged);
        Assert.Contains(changes, e => e.Actor == "application:factor-script");
        Assert.DoesNotContain(changes, e => (e.Details ?? "").Contains(FakeTwilio.AuthToken));
        Assert.Contains(await Factory.AuditEventsOfTypeAsync(AdminEventTypes.TestSmsSent), e => e.Actor == "application:factor-script");
    }

    [SkippableFact]
    public async Task SmsFactor_BadValuesOrReadOnlyToken_RefusedWithTheFieldOrTheScope()
    {
        using var api = await ApiClients.WithScopeAsync(Factory, "factor-careless", "idp:admin");
        using var reader = await ApiClients.WithScopeAsync(Factory, "factor-reader", "idp:admin:read");

        using var bad = await api.PutAsJsonAsync(SmsFactor, new { accountSid = "AC123", authToken = "x", from = "+15017122661",
            allowedCountries = new[] { "US", "XX" } });
        using var badNumber = await api.PostAsJsonAsync(SmsFactor + "/test", new { to = "not a number" });
        using var readOnly = await reader.PutAsJsonAsync("/api/v1/authenticator-apps", new { enabled = false });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("accountSid", out _));
        Assert.True(errors.TryGetProperty("allowedCountries[1]", out _) || errors.TryGetProperty("allowedCountries", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.True((await badNumber.JsonAsync()).GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    [SkippableFact]
    public async Task AuthenticatorApps_SwitchedOffAndOn_AuditedWithTheApplication()
    {
        using var api = await ApiClients.WithScopeAsync(Factory, "factor-switch", "idp:admin");

        using var off = await api.PutAsJsonAsync("/api/v1/authenticator-apps", new { enabled = false });
        var whileOff = await (await api.GetAsync("/api/v1/authenticator-apps")).JsonAsync();
        using var on = await api.PutAsJsonAsync("/api/v1/authenticator-apps", new { enabled = true });
        var afterwards = await (await api.GetAsync("/api/v1/authenticator-apps")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False(whileOff.GetProperty("enabled").GetBoolean());
        Assert.True(afterwards.GetProperty("enabled").GetBoolean());
        Assert.Equal(2, (await Factory.AuditEventsOfTypeAsync(AdminEventTypes.AuthenticatorFactorChanged))
            .Count(e => e.Actor == "application:factor-switch"));
    }
}

public sealed class FactorApiTestsOnSqlite(SqliteIdpFactory factory, FakeTwilio twilio)
    : FactorApiTests(factory, twilio), IClassFixture<SqliteIdpFactory>, IClassFixture<FakeTwilio>;

public sealed class FactorApiTestsOnPostgreSql(PostgreSqlIdpFactory factory, FakeTwilio twilio)
    : FactorApiTests(factory, twilio), IClassFixture<PostgreSqlIdpFactory>, IClassFixture<FakeTwilio>;
