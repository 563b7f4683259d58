namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The <c>Database</c> configuration section. The connection string itself is <c>ConnectionStrings:Idp</c>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Which database server holds everything. Default: <see cref="DatabaseProvider.Sqlite"/>, the embedded one.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// <c>ConnectionStrings:Idp</c>. Default for SQLite: <c>Data Source=App_Data/idp.db</c>, relative to the content root.
    /// </summary>
    public string? ConnectionString { get; set; }
}
