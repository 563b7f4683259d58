using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// Counts this process's writes that can end a token's validity (an update or delete of OpenIddict's token or
/// authorization rows: revocation, redemption, pruning), so that a cache of token states (the server's
/// <c>TokenStateCache</c>) drops what it read before one. The count moves when the statement has run and again when
/// its transaction commits: a read that raced the write before its commit is not kept either. Every write goes through
/// EF Core, so this sees them all; other instances' writes are bounded by the cache's age instead.
/// </summary>
public sealed class TokenStateWrites : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly TokenStateWrites Instance = new();

    private readonly ConditionalWeakTable<DbTransaction, object> _pending = new();
    private long _generation;

    /// <summary>Moves on every such write: a value read while it stayed the same is as fresh as the read.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Whether a statement writes token or authorization rows (EF Core names the tables as mapped).</summary>
    public static bool EndsValidity(string commandText) =>
        (commandText.Contains("UPDATE ", StringComparison.Ordinal) || commandText.Contains("DELETE ", StringComparison.Ordinal))
        && (commandText.Contains("OpenIddictTokens", StringComparison.Ordinal)
            || commandText.Contains("OpenIddictAuthorizations", StringComparison.Ordinal));

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
        if (!EndsValidity(command.CommandText))
        {
            return;
        }

        Interlocked.Increment(ref _generation);
        if (command.Transaction is { } transaction)
        {
            _pending.AddOrUpdate(transaction, this);
        }
    }

    private void Committed(DbTransaction transaction)
    {
        if (_pending.Remove(transaction))
        {
            Interlocked.Increment(ref _generation);
        }
    }
}
