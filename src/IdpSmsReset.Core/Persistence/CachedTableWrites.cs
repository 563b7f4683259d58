using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// Tells the caches of every write to the tables they hold rows of (<see cref="CachedTables"/>), so no change has to
/// remember to. Every write goes through EF Core, so this sees them all.
/// <list type="bullet">
/// <item>Rows kept per instance for <c>Idp:Cache:MaxAge</c> (tokens, authorizations, users; the server's
/// <c>RecentEntries</c>): a count moves when the statement has run and again when its transaction commits, and a row read
/// before it moved is not used after, so a read that raced the write before its commit is not kept either. Other
/// instances' writes are bounded by the cache's age.</item>
/// <item>Configuration kept until its area's change stamp moves (<see cref="ChangeStamps"/>): the stamp is bumped in the
/// database in the same transaction, just before it commits; a statement outside a transaction bumps it in the same
/// command, last, when it returns rows (one round trip, and atomic on PostgreSQL), else right after it. <see cref="Stamps"/>
/// moves with each bump, at the statement and at the commit, for this instance's own reads.</item>
/// </list>
/// </summary>
public sealed class CachedTableWrites : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly CachedTableWrites Instance = new();

    private readonly ConditionalWeakTable<DbTransaction, Pending> _pending = new();
    private long _tokens;
    private long _users;
    private long _stamps;

    /// <summary>Moves on every write to tokens or authorizations: what was read while it stayed put is as fresh as the read.</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Moves on every write to the users.</summary>
    public long Users => Interlocked.Read(ref _users);

    /// <summary>Moves when this process bumps a change stamp: at the write, and again when it commits.</summary>
    public long Stamps => Interlocked.Read(ref _stamps);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        BumpInSameCommand(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        BumpInSameCommand(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        ObserveReader(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        ObserveReader(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        var areas = result == 0 ? [] : CachedTables.StampedAreas(command.CommandText);
        Observe(command, areas, areas.Count > 0);
        if (command.Transaction is null && areas.Count > 0)
        {
            using var bump = BumpCommand(command.Connection!, null, areas);
            bump.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        var areas = result == 0 ? [] : CachedTables.StampedAreas(command.CommandText);
        Observe(command, areas, areas.Count > 0);
        if (command.Transaction is null && areas.Count > 0)
        {
            await using var bump = BumpCommand(command.Connection!, null, areas);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    InterceptionResult IDbTransactionInterceptor.TransactionCommitting(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result)
    {
        if (StampsToBump(transaction) is { } areas)
        {
            using var bump = BumpCommand(transaction.Connection!, transaction, areas);
            bump.ExecuteNonQuery();
        }

        return result;
    }

    async ValueTask<InterceptionResult> IDbTransactionInterceptor.TransactionCommittingAsync(DbTransaction transaction,
        TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken)
    {
        if (StampsToBump(transaction) is { } areas)
        {
            await using var bump = BumpCommand(transaction.Connection!, transaction, areas);
            await bump.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A statement returning rows keeps its connection busy until they are read, so outside a transaction its bump goes
    /// last in the same command: every provider runs a command's remaining statements when its reader closes, and the
    /// statements EF Core reads results of keep their places.
    /// </summary>
    private static void BumpInSameCommand(DbCommand command)
    {
        if (command.Transaction is null && CachedTables.StampedAreas(command.CommandText) is { Count: > 0 } areas)
        {
            command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + ";\n" + BumpStatement(areas) + ";";
        }
    }

    /// <summary>
    /// Outside a transaction a reader's areas were found before it ran, and bumped in its own command
    /// (<see cref="BumpInSameCommand"/>): the statement is not read for them again.
    /// </summary>
    private void ObserveReader(DbCommand command)
    {
        if (command.Transaction is null)
        {
            Observe(command, [], command.CommandText.Contains(StatementStart, StringComparison.Ordinal));
        }
        else
        {
            var areas = CachedTables.StampedAreas(command.CommandText);
            Observe(command, areas, areas.Count > 0);
        }
    }

    /// <summary>Counts the write; inside a transaction, keeps what its commit must bump and count again.</summary>
    private void Observe(DbCommand command, IReadOnlyList<string> areas, bool stamped)
    {
        var written = CachedTables.Changes(command.CommandText);
        if (written == CachedTables.Written.None && !stamped)
        {
            return;
        }

        Move(written, stamped);
        if (command.Transaction is not { } transaction)
        {
            return;
        }

        lock (_pending)
        {
            var pending = _pending.GetValue(transaction, _ => new Pending());
            pending.Written |= written;
            pending.Areas.UnionWith(areas);
        }
    }

    private IReadOnlyList<string>? StampsToBump(DbTransaction transaction)
    {
        lock (_pending)
        {
            return _pending.TryGetValue(transaction, out var pending) && pending.Areas.Count > 0 ? [.. pending.Areas] : null;
        }
    }

    private void Committed(DbTransaction transaction)
    {
        Pending? pending;
        lock (_pending)
        {
            if (!_pending.TryGetValue(transaction, out pending))
            {
                return;
            }

            _pending.Remove(transaction);
        }

        Move(pending.Written, pending.Areas.Count > 0);
    }

    private void Move(CachedTables.Written written, bool stamped)
    {
        if (written.HasFlag(CachedTables.Written.Tokens))
        {
            Interlocked.Increment(ref _tokens);
        }

        if (written.HasFlag(CachedTables.Written.Users))
        {
            Interlocked.Increment(ref _users);
        }

        if (stamped)
        {
            Interlocked.Increment(ref _stamps);
        }
    }

    private const string StatementStart = "UPDATE \"ChangeStamps\" SET \"Version\" = \"Version\" + 1";

    // The areas are this code's own constants (ChangeAreas), never input, so they are written into the statement; every
    // provider here accepts the double-quoted names (SQL Server with QUOTED_IDENTIFIER, on by default).
    private static string BumpStatement(IReadOnlyList<string> areas) =>
        $"{StatementStart} WHERE \"Area\" IN ({string.Join(", ", areas.Select(area => $"'{area}'"))})";

    private static DbCommand BumpCommand(DbConnection connection, DbTransaction? transaction, IReadOnlyList<string> areas)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpStatement(areas);
        return command;
    }

    private sealed class Pending
    {
        public CachedTables.Written Written { get; set; }

        public HashSet<string> Areas { get; } = new(StringComparer.Ordinal);
    }
}
