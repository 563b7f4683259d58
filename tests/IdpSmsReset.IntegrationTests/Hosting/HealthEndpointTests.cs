using System.Net;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Hosting;

public abstract class HealthEndpointTests(IdpFactory factory)
{
    [SkippableTheory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_OnAMigratedDatabase_IsHealthy(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthEndpointTestsOnSqlite(SqliteIdpFactory factory) : HealthEndpointTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class HealthEndpointTestsOnPostgreSql(PostgreSqlIdpFactory factory) : HealthEndpointTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
