using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.IntegrationTests.Persistence;

/// <summary>What an operator sees when the embedded database is created: no warning meant for whoever writes migrations.</summary>
public sealed class DatabaseConfigurationTests : IDisposable
{
    private readonly SqliteIdpFactory _factory = new();

    [SkippableFact]
    public async Task FreshSqliteDatabase_Migrated_NoWarningFromTheMigrations()
    {
        using var client = _factory.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);

        Assert.DoesNotContain(_factory.Logs.Entries, entry => entry.Level >= LogLevel.Warning
            && entry.Category.StartsWith("Microsoft.EntityFrameworkCore.Migrations", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();
}
