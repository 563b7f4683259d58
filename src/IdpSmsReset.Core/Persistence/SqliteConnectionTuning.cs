using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// How the embedded SQLite database shares its single writer. Without a busy timeout, a writer that finds the
/// database locked returns at once and Microsoft.Data.Sqlite retries after sleeping 150 ms: every collision costs a
/// user 150 ms (seen as the p99 of the reset pages). With it, SQLite waits for the lock itself, in steps of a
/// millisecond. Write-ahead logging lets readers go on while one request writes. With it, synchronous = NORMAL syncs
/// the log at checkpoints instead of at every commit: the database stays consistent whatever happens, and a crash of
/// the process loses nothing; only a power cut or a kernel crash can undo the last commits before it. Syncing every
/// commit doubled the p99 of a token burst (every token is a commit).
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    /// <summary>Longest a statement waits for the write lock before failing; a commit holds it for milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private static readonly string Pragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

    public static readonly SqliteConnectionTuning Instance = new();

    // Pooled connections are opened again for every query; the pragmas belong to the underlying SQLite connection,
    // which keeps them, so each is set up once, not on every open of the hot paths.
    private readonly ConditionalWeakTable<object, object> _tuned = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsTuning(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (NeedsTuning(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool NeedsTuning(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _tuned.TryAdd(handle, handle);
}
