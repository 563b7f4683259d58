namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The <c>Idp:Database</c> configuration section.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Idp:Database";

    /// <summary>Which database server holds everything. Default: <see cref="DatabaseProvider.Sqlite"/>, the embedded one.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// <c>Idp:Database:ConnectionString</c> (until the next release also read as <c>ConnectionStrings:Idp</c>). Default for
    /// SQLite: <c>Data Source=App_Data/idp.db</c>, relative to the content root; required for the other providers.
    /// </summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
