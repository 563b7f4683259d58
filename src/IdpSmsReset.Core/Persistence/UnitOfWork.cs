using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// One command, one transaction: the work (its audit row included) commits together or not at all. It runs inside the
/// provider's execution strategy, so a transient failure on SQL Server or PostgreSQL re-runs the whole unit, and the
/// change tracker is emptied whenever the unit does not commit, so nothing refused is saved by a later call. A unit
/// started inside another joins it: the outer one commits or rolls back the whole.
/// </summary>
public static class UnitOfWork
{
    public static Task<T> InTransactionAsync<T>(
        this IdpDbContext database, Func<Task<T>> work, Func<T, bool> commits, CancellationToken cancellationToken) =>
        database.Database.CurrentTransaction is not null ? work() : database.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work();
                if (commits(result))
                {
                    await transaction.CommitAsync(cancellationToken);
                    await CommitHooks.CommittedAsync(transaction);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
                    database.ChangeTracker.Clear();
                }

                return result;
            }
            catch
            {
                database.ChangeTracker.Clear();
                throw;
            }
        });
}
