using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// Counts this process's writes to the tables whose rows are cached for <c>Idp:Cache:MaxAge</c> on the hot read paths
/// (the server's <c>RecentEntries</c>): an update or delete of OpenIddict's token or authorization rows (revocation,
/// redemption, pruning) and of the users (a changed profile, a disable). A cached row read before such a write is not
/// used after it. The count moves when the statement has run and again when its transaction commits: a read that raced
/// the write before its commit is not kept either. Every write goes through EF Core, so this sees them all; other
/// instances' writes are bounded by the cache's age instead.
/// </summary>
public sealed class CachedTableWrites : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly CachedTableWrites Instance = new();

    private readonly ConditionalWeakTable<DbTransaction, StrongBox<Written>> _pending = new();
    private long _tokens;
    private long _users;

    /// <summary>Moves on every write to tokens or authorizations: what was read while it stayed put is as fresh as the read.</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Moves on every write to the users.</summary>
    public long Users => Interlocked.Read(ref _users);

    /// <summary>Which cached tables a statement changes (EF Core names the tables as mapped).</summary>
    public static Written Changes(string commandText)
    {
        if (!commandText.Contains("UPDATE ", StringComparison.Ordinal) && !commandText.Contains("DELETE ", StringComparison.Ordinal))
        {
            return Written.None;
        }

        var tokens = commandText.Contains("OpenIddictTokens", StringComparison.Ordinal)
            || commandText.Contains("OpenIddictAuthorizations", StringComparison.Ordinal);
        var users = commandText.Contains("AspNetUsers", StringComparison.Ordinal);
        return (tokens ? Written.Tokens : Written.None) | (users ? Written.Users : Written.None);
    }

    [Flags]
    public enum Written
    {
        None = 0,
        Tokens = 1,
        Users = 2,
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Observe(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Observe(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Observe(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData,
        DbDataReader result, CancellationToken cancellationToken = default)
    {
        Observe(command);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(transaction);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Observe(DbCommand command)
    {
        var written = Changes(command.CommandText);
        if (written == Written.None)
        {
            return;
        }

        Move(written);
        if (command.Transaction is { } transaction)
        {
            lock (_pending)
            {
                _pending.GetValue(transaction, _ => new StrongBox<Written>()).Value |= written;
            }
        }
    }

    private void Committed(DbTransaction transaction)
    {
        StrongBox<Written>? written;
        lock (_pending)
        {
            if (!_pending.TryGetValue(transaction, out written))
            {
                return;
            }

            _pending.Remove(transaction);
        }

        Move(written.Value);
    }

    private void Move(Written written)
    {
        if (written.HasFlag(Written.Tokens))
        {
            Interlocked.Increment(ref _tokens);
        }

        if (written.HasFlag(Written.Users))
        {
            Interlocked.Increment(ref _users);
        }
    }
}
