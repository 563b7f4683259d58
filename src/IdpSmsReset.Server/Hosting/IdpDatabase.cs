using IdpSmsReset.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace IdpSmsReset.Server.Hosting;

/// <summary>The database this instance uses, with its connection string made absolute where it names a file.</summary>
public sealed record IdpDatabase(DatabaseProvider Provider, string ConnectionString)
{
    public static IdpDatabase Resolve(DatabaseOptions options, IHostEnvironment environment)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? throw new DatabaseUnavailableException(
                    $"Idp:Database:ConnectionString is required for Idp:Database:Provider '{options.Provider}'.")
                : new IdpDatabase(options.Provider, options.ConnectionString);
        }

        // A relative SQLite file is taken from the content root, not from wherever the process was started.
        var sqlite = new SqliteConnectionStringBuilder(options.ConnectionString ?? DatabaseConfiguration.DefaultSqliteConnectionString);
        if (FileOf(sqlite) is { } file)
        {
            sqlite.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }

        return new IdpDatabase(DatabaseProvider.Sqlite, sqlite.ToString());
    }

    /// <summary>The SQLite database's file (absolute after <see cref="Resolve"/>); null for another provider or in memory.</summary>
    public string? SqliteFile => Provider == DatabaseProvider.Sqlite ? FileOf(new SqliteConnectionStringBuilder(ConnectionString)) : null;

    private static string? FileOf(SqliteConnectionStringBuilder sqlite) =>
        sqlite.DataSource is { Length: > 0 } file && file != ":memory:" && sqlite.Mode != SqliteOpenMode.Memory ? file : null;

    /// <summary>
    /// SQLite only: the file Hangfire keeps its jobs in, beside the database (its storage opens files its own way,
    /// and a separate file keeps its polling from contending with the application's writes).
    /// </summary>
    public string SqliteJobsFile()
    {
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + ".jobs.db");
    }
}
