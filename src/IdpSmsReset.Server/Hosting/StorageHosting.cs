using IdpSmsReset.Core.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class StorageHosting
{
    /// <summary>The database, migrated and bootstrapped before the server accepts its first request.</summary>
    public static WebApplicationBuilder AddIdpStorage(this WebApplicationBuilder builder)
    {
        // Pooled: the token endpoint and the login page open a context on every request.
        builder.Services.AddDbContextPool<IdpDbContext>((services, options) =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            options.UseIdpDatabase(database.Provider, ResolveConnectionString(database, environment));
        });

        builder.Services.AddSingleton<BootstrapSource>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    private static string ResolveConnectionString(DatabaseOptions database, IHostEnvironment environment)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return database.ConnectionString
                ?? throw new InvalidOperationException($"ConnectionStrings:Idp is required for Database:Provider '{database.Provider}'.");
        }

        // A relative SQLite file is taken from the content root, not from wherever the process was started.
        var sqlite = new SqliteConnectionStringBuilder(database.ConnectionString ?? DatabaseConfiguration.DefaultSqliteConnectionString);
        if (sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory)
        {
            sqlite.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }

        return sqlite.ToString();
    }
}
