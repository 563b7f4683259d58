using IdpSmsReset.Core.Persistence;
using Microsoft.Data.Sqlite;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>The server on an SQLite file of its own: the embedded default.</summary>
public sealed class SqliteIdpFactory : IdpFactory
{
    public SqliteIdpFactory()
        : this(NewDataDirectory())
    {
    }

    private SqliteIdpFactory(string dataDirectory)
        : base(dataDirectory)
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "idp.db")}";

    public override IdpFactory Restart() => new SqliteIdpFactory(DataDirectory);

    protected override void DeleteData()
    {
        SqliteConnection.ClearAllPools();
        base.DeleteData();
    }
}
