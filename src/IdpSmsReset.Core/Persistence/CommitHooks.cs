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
    private static readonly ConditionalWeakTable<IDbContextTransaction, List<Func<Task>>> Pending = new();

    public static void AfterCommit(this IdpDbContext database, Action action) =>
        database.AfterCommitAsync(() =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="action"/> after the commit; at once (the task returned) outside a transaction.</summary>
    public static Task AfterCommitAsync(this IdpDbContext database, Func<Task> action)
    {
        if (database.Database.CurrentTransaction is not { } transaction)
        {
            return action();
        }

        var actions = Pending.GetOrCreateValue(transaction);
        lock (actions)
        {
            actions.Add(action);
        }

        return Task.CompletedTask;
    }

    internal static async Task CommittedAsync(IDbContextTransaction transaction)
    {
        if (!Pending.TryGetValue(transaction, out var actions))
        {
            return;
        }

        Pending.Remove(transaction);
        foreach (var action in actions)
        {
            await action();
        }
    }
}
