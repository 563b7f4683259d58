using System.Net;
using System.Text;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api;

/// <summary>
/// Each application's calls a minute (here 5), counted in the database, and the largest body read (here 2 KiB): 429
/// with Retry-After, 413, for that application only.
/// </summary>
public abstract class ApiLimitTests
{
    private readonly IdpFactory _factory;

    protected ApiLimitTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:Api:RequestsPerMinutePerClient"] = "5";
        factory.Settings["Idp:Api:MaxRequestBodyBytes"] = "2048";
    }

    [SkippableFact]
    public async Task Calls_BeyondTheApplicationsMinute_429UntilTheNextMinute_OtherApplicationsUnaffected()
    {
        using var busy = await ApiClients.WithScopeAsync(_factory, "busy-script", "idp:admin:read");
        using var quiet = await ApiClients.WithScopeAsync(_factory, "quiet-script", "idp:admin:read");
        // At the start of a minute, so that the burst below stays within one.
        var now = _factory.Clock.GetUtcNow();
        _factory.Clock.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute) + TimeSpan.FromSeconds(1));

        var statuses = new List<HttpStatusCode>();
        for (var call = 0; call < 5; call++)
        {
            using var admitted = await busy.GetAsync("/api/v1/policies");
            statuses.Add(admitted.StatusCode);
        }

        using var refused = await busy.GetAsync("/api/v1/policies");
        using var other = await quiet.GetAsync("/api/v1/policies");
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var nextMinute = await busy.GetAsync("/api/v1/policies");

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("too-many-requests", (await refused.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, nextMinute.StatusCode);
    }

    [SkippableFact]
    public async Task Body_LargerThanTheLimit_413BeforeItIsRead()
    {
        using var api = await ApiClients.WithScopeAsync(_factory, "bulky-script", "idp:admin");

        using var large = await api.PostAsync("/api/v1/users", new StringContent(
            $$"""{"userName":"bulky","displayName":"{{new string('x', 4096)}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("request-too-large", (await large.JsonAsync()).GetProperty("code").GetString());
    }
}

public sealed class ApiLimitTestsOnSqlite(SqliteIdpFactory factory) : ApiLimitTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ApiLimitTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ApiLimitTests(factory), IClassFixture<PostgreSqlIdpFactory>;
