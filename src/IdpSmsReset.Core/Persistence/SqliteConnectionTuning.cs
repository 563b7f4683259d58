using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// How the embedded SQLite database shares its single writer. Without a busy timeout, a writer that finds the
/// database locked returns at once and Microsoft.Data.Sqlite retries after sleeping 150 ms: every collision costs a
/// user 150 ms (seen as the p99 of the reset pages). With it, SQLite waits for the lock itself, in steps of a
/// millisecond. Write-ahead logging lets readers go on while one request writes.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    /// <summary>Longest a statement waits for the write lock before failing; a commit holds it for milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly string Pragmas = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL;";

    public static readonly SqliteConnectionTuning Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
