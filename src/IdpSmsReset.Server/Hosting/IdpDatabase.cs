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
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new DatabaseUnavailableException($"Idp:Database:ConnectionString is required for Idp:Database:Provider "
                    + $"'{options.Provider}' (such as {ExampleOf(options.Provider)}).");
            }

            // Parsed only to be checked: the server uses the string as the operator wrote it.
            Checked(options.Provider, options.ConnectionString, connection => options.Provider == DatabaseProvider.PostgreSql
                ? (System.Data.Common.DbConnectionStringBuilder)new Npgsql.NpgsqlConnectionStringBuilder(connection)
                : new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connection));
            return new IdpDatabase(options.Provider, options.ConnectionString);
        }

        // A relative SQLite file is taken from the content root, not from wherever the process was started.
        var sqlite = Checked(DatabaseProvider.Sqlite, options.ConnectionString ?? DatabaseConfiguration.DefaultSqliteConnectionString,
            connection => new SqliteConnectionStringBuilder(connection));
        if (FileOf(sqlite) is { } file)
        {
            sqlite.DataSource = Path.GetFullPath(file, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(sqlite.DataSource)!);
        }

        return new IdpDatabase(DatabaseProvider.Sqlite, sqlite.ToString());
    }

    /// <summary>
    /// Parses the connection string as the provider's own client does, so that one written for another database (the
    /// usual mistake: a SQL Server string left with the embedded default provider) is named before anything connects.
    /// </summary>
    private static T Checked<T>(DatabaseProvider provider, string connectionString, Func<string, T> parse)
    {
        try
        {
            return parse(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            throw new DatabaseUnavailableException(
                $"Idp:Database:ConnectionString is not a {provider} connection string{Why(exception)}"
                + $": with Idp:Database:Provider {provider} write it like {ExampleOf(provider)}, or set Idp:Database:Provider to "
                + "the database the string is for (Sqlite, PostgreSql or SqlServer).", exception);
        }
    }

    /// <summary>The client's complaint, without the value (a connection string can hold a password).</summary>
    private static string Why(Exception exception)
    {
        var unknown = System.Text.RegularExpressions.Regex.Match(exception.Message,
            "[Kk]eyword '(?<name>[^']+)' is not supported|[Kk]eyword not supported: '?(?<name>[^'.(]+)");
        var unset = System.Text.RegularExpressions.Regex.Match(exception.Message, @"Couldn't set (?<name>[^(]+?) \(");
        return unknown.Success ? $" ('{unknown.Groups["name"].Value.Trim()}' is not one of its keywords)"
            : unset.Success && exception.InnerException is KeyNotFoundException
                ? $" ('{unset.Groups["name"].Value}' is not one of its keywords)"
            : unset.Success ? $" (the value given for '{unset.Groups["name"].Value}' cannot be read)"
            : "";
    }

    private static string ExampleOf(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => DatabaseConfiguration.DefaultSqliteConnectionString,
        DatabaseProvider.PostgreSql => "Host=db;Database=idp;Username=idp;Password=...",
        _ => "Server=db;Database=idp;User Id=idp;Password=...;TrustServerCertificate=true",
    };

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
