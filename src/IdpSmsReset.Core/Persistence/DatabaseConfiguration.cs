using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>Points a context at the configured provider and at that provider's migrations assembly.</summary>
public static class DatabaseConfiguration
{
    public const string SqliteMigrationsAssembly = "IdpSmsReset.Migrations.Sqlite";

    public const string DefaultSqliteConnectionString = "Data Source=App_Data/idp.db";

    public static DbContextOptionsBuilder UseIdpDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                return options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
            default:
                throw new NotSupportedException(
                    $"Database:Provider '{provider}' is not available yet; use 'Sqlite'.");
        }
    }
}
