using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Storage;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// Work that must wait for the unit of work's commit: what it starts (a job, a cache's fresh reads) would otherwise
/// run against rows another connection cannot see yet. The actions hang on the transaction itself, so a unit re-run by
/// the execution strategy, or rolled back, drops them with it; outside a transaction they run at once.
/// </summary>
public static class CommitHooks
{
    private static readonly ConditionalWeakTable<IDbContextTransaction, List<Action>> Pending = new();

    public static void AfterCommit(this IdpDbContext database, Action action)
    {
        if (database.Database.CurrentTransaction is not { } transaction)
        {
            action();
            return;
        }

        var actions = Pending.GetOrCreateValue(transaction);
        lock (actions)
        {
            actions.Add(action);
        }
    }

    internal static void Committed(IDbContextTransaction transaction)
    {
        if (!Pending.TryGetValue(transaction, out var actions))
        {
            return;
        }

        Pending.Remove(transaction);
        foreach (var action in actions)
        {
            action();
        }
    }
}
