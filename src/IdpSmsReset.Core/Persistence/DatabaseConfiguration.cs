using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

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
            // A migration that rebuilds a table runs outside a transaction on SQLite; EF Core's warning about it is advice
            // to whoever writes migrations, not to the operator starting a server (CHANGELOG says to copy the file first).
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
                    sqlite => sqlite.MigrationsAssembly(migrations)).AddInterceptors(SqliteConnectionTuning.Instance)
                .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))),
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
