using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Audit;

/// <summary>
/// A large export streams: the server's heap does not grow with the range. Measured in the test process (the server runs
/// in it), so these run alone, after the parallel tests (<see cref="MeasuredAloneCollection"/>).
/// </summary>
public abstract class AuditExportMemoryTests(IdpFactory factory)
{
    private const string ExportType = AuditEventTypes.PasswordChanged;

    [SkippableFact]
    public async Task LargeRange_StreamedWithFlatMemory()
    {
        const int count = 200_000;
        await SeedManyAsync(count);
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;

        using var response = await admin.Client.GetAsync("/admin/audit/export?format=jsonl&actor=bulk-export",
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var lines = 0;
        var bytes = 0L;
        while (await reader.ReadLineAsync() is { } line)
        {
            bytes += line.Length;
            if (++lines % 25_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(count, lines);
        // The export is ~40 MB of text and ~200 MB as entities: a buffered export would hold one or the other.
        Assert.True(bytes > 30_000_000, $"{bytes} bytes");
        Assert.True(peak < 24_000_000, $"the heap grew by {peak / 1_000_000} MB while {bytes / 1_000_000} MB were exported");
    }

    private async Task SeedManyAsync(int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var details = new string('x', 120);
        var sql = factory.Provider == DatabaseProvider.PostgreSql
            ? $"""
              INSERT INTO "AuditEvents" ("Id", "OccurredAt", "Type", "Actor", "IpAddress", "Details")
              SELECT gen_random_uuid(), now() - make_interval(secs => i), '{ExportType}', 'bulk-export', '198.51.100.7', '{details}'
              FROM generate_series(1, {count}) AS i
              """
            : $"""
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
              INSERT INTO "AuditEvents" ("Id", "OccurredAt", "Type", "Actor", "IpAddress", "Details")
              SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-'
                  || hex(randomblob(6))), strftime('%Y-%m-%d %H:%M:%S', 'now', '-' || i || ' seconds'), '{ExportType}', 'bulk-export',
                  '198.51.100.7', '{details}'
              FROM n
              """;
        await database.Database.ExecuteSqlRawAsync(sql);
    }}

[Collection(MeasuredAloneCollection.Name)]
public sealed class AuditExportMemoryTestsOnSqlite(SqliteIdpFactory factory)
    : AuditExportMemoryTests(factory), IClassFixture<SqliteIdpFactory>;

[Collection(MeasuredAloneCollection.Name)]
public sealed class AuditExportMemoryTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : AuditExportMemoryTests(factory), IClassFixture<PostgreSqlIdpFactory>;
