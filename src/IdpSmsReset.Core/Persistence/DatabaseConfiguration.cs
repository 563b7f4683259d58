using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>Points a context at the configured provider and at that provider's migrations assembly.</summary>
public static class DatabaseConfiguration
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/idp.db";

    public static string MigrationsAssembly(DatabaseProvider provider) => $"IdpSmsReset.Migrations.{provider}";

    public static DbContextOptionsBuilder UseIdpDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider,
        string connectionString)
    {
        var migrations = MigrationsAssembly(provider);
        options.AddInterceptors(CachedTableWrites.Instance);
        return provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                sqlite => sqlite.MigrationsAssembly(migrations)).AddInterceptors(SqliteConnectionTuning.Instance),
            // Transient faults (failover, throttling) are retried; the token endpoint should not fail on a blip.
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString,
                sql => sql.MigrationsAssembly(migrations).EnableRetryOnFailure()),
            DatabaseProvider.PostgreSql => options.UseNpgsql(PostgreSqlConnectionTuning.Apply(connectionString),
                npgsql => npgsql.MigrationsAssembly(migrations).EnableRetryOnFailure()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider,
                "Idp:Database:Provider must be Sqlite, SqlServer or PostgreSql."),
        };
    }
}
