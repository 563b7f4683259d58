using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Limits;

/// <summary>
/// Makes count-then-admit decisions exact under concurrency. Without it, requests racing at a limit either all pass
/// (count, then write) or all refuse (write, then count: each sees the others), which lets a burst shut out the very
/// requests the limit means to let through. Here the decision runs in a transaction that first updates the key's gate
/// row: the database's row lock makes the others wait, on any instance, and each counts what the previous one committed.
/// </summary>
public sealed class LimitGates(IdpDbContext database, TimeProvider time)
{
    /// <summary>
    /// Runs <paramref name="decide"/> holding the gate of <paramref name="key"/>; what it writes commits with the gate's
    /// release when <paramref name="commits"/> says so, and is rolled back otherwise.
    /// </summary>
    public async Task<T> DecideAsync<T>(string key, Func<Task<T>> decide, Func<T, bool> commits, CancellationToken cancellationToken)
    {
        // The gate row is nearly always there: taking it is the first statement of the decision, and only a gate not
        // there yet (new, or pruned after a day untouched) costs a second try.
        while (true)
        {
            var (held, result) = await database.InTransactionAsync(async () =>
                await TouchAsync(key, cancellationToken) == 1 ? (true, await decide()) : (false, default(T)!),
                decision => decision.Item1 && commits(decision.Item2), cancellationToken);
            if (held)
            {
                return result;
            }

            await EnsureAsync(key, cancellationToken);
        }
    }

    // The row must exist before a transaction can lock it; creating it inside would abort the transaction on PostgreSQL
    // when another request created it first.
    private Task EnsureAsync(string key, CancellationToken cancellationToken) =>
        database.UpdateOrCreateAsync(() => TouchAsync(key, cancellationToken),
            new LimitGate { Key = key, TouchedAt = time.GetUtcNow().UtcDateTime }, cancellationToken);

    private Task<int> TouchAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return database.Set<LimitGate>().Where(gate => gate.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(gate => gate.TouchedAt, now), cancellationToken);
    }
}
