using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// The server on a PostgreSQL database of its own, dropped on dispose. The server creates it, as it does on a fresh
/// production server: its first migration runs before the job storage needs the database.
/// </summary>
public sealed class PostgreSqlIdpFactory : IdpFactory
{
    private readonly string _database;

    public PostgreSqlIdpFactory()
        : this(NewDataDirectory(), "idp_test_" + Guid.NewGuid().ToString("n"))
    {
    }

    private PostgreSqlIdpFactory(string dataDirectory, string database)
        : base(dataDirectory) => _database = database;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override string ConnectionString => PostgreSqlTestServer.ConnectionString(_database);

    public override IdpFactory Restart() => new PostgreSqlIdpFactory(DataDirectory, _database);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        PostgreSqlTestServer.RequireAvailable();
        return base.CreateHost(builder);
    }

    protected override void DeleteData()
    {
        NpgsqlConnection.ClearAllPools();
        PostgreSqlTestServer.DropDatabase(_database);
        base.DeleteData();
    }
}
