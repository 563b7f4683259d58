using Npgsql;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>IDP_TEST_POSTGRES</c> (a connection string without a database), by default
/// the one <c>.ci/run</c> starts. Absent, its tests skip and say why; when <c>CI</c> is set, absence fails them.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string ConnectionStringVariable = "IDP_TEST_POSTGRES";
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=idp;Password=idp";

    private static readonly Lazy<string?> Unavailability = new(Probe);

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    public static void RequireAvailable()
    {
        if (Unavailability.Value is not { } reason)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException($"PostgreSQL is required when CI is set, and {reason}");
        }

        throw new SkipException($"Skipped: {reason} Start PostgreSQL (see .ci/run) or set {ConnectionStringVariable}.");
    }

    public static void DropDatabase(string database)
    {
        if (Unavailability.Value is null)
        {
            try
            {
                using var connection = new NpgsqlConnection(AdminConnectionString);
                connection.Open();
                new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection).ExecuteNonQuery();
            }
            catch (PostgresException)
            {
                // A database a late reconnect still holds is left behind: it has a unique name and harms nothing.
            }
        }
    }

    /// <summary>Where test databases are dropped from: the configured database, else <c>postgres</c>.</summary>
    private static string AdminConnectionString
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString);
            builder.Database = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
            return builder.ConnectionString;
        }
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(AdminConnectionString) { Timeout = 3 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            var host = new NpgsqlConnectionStringBuilder(ServerConnectionString).Host;
            return $"no PostgreSQL server answered at {host} ({exception.Message}).";
        }
    }
}
