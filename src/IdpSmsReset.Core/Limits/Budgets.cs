using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Limits;

/// <summary>
/// Counts occurrences against <see cref="Budget"/>s, every budget in one table. A check and the charge after it are
/// exact together only under the subject's gate (<see cref="UnderGateAsync"/>): parallel requests, on any instance,
/// then each count what the one before committed. Where a check cannot wait for the gate, charge first and count
/// after (<see cref="FirstOverdrawnAsync"/>): an over-count then only ever refuses.
/// </summary>
public sealed class Budgets(IdpDbContext database, LimitGates gates, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>What <paramref name="subject"/> has spent of <paramref name="budget"/>: the window's count, from
    /// <paramref name="countedFrom"/> on when that is later (a lifted suspension forgives what came before).</summary>
    public Task<int> SpentAsync(Budget budget, string subject, DateTime? countedFrom, CancellationToken cancellationToken)
    {
        var since = Now - budget.Window;
        if (countedFrom > since)
        {
            since = countedFrom.Value;
        }

        return database.Set<LimitCount>().CountAsync(count => count.Budget == budget.Name && count.Subject == subject
            && count.At > since, cancellationToken);
    }

    /// <summary>True when <paramref name="subject"/> may not spend another: it has used all the budget allows.</summary>
    public async Task<bool> IsSpentAsync(Budget budget, string? subject, CancellationToken cancellationToken) =>
        subject is not null && await SpentAsync(budget, subject, countedFrom: null, cancellationToken) >= budget.Allowed;

    /// <summary>Counts one occurrence against each charge, in one save; the ids let <see cref="RefundAsync"/> take them back.</summary>
    public async Task<IReadOnlyList<long>> ChargeAsync(IReadOnlyList<Charge> charges, string? userId,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = charges.Select(charge => new LimitCount
        {
            Budget = charge.Budget.Name, Subject = charge.Subject, UserId = userId, At = now,
        }).ToList();
        database.AddRange(rows);
        await database.SaveChangesAsync(cancellationToken);
        return [.. rows.Select(row => row.Id)];
    }

    /// <summary>
    /// The first of <paramref name="charges"/>, already charged, whose budget it overdraws (its own occurrence counted);
    /// null when every one is within its budget.
    /// </summary>
    public async Task<Charge?> FirstOverdrawnAsync(IReadOnlyList<Charge> charges, CancellationToken cancellationToken)
    {
        foreach (var charge in charges)
        {
            if (await SpentAsync(charge.Budget, charge.Subject, countedFrom: null, cancellationToken) > charge.Budget.Allowed)
            {
                return charge;
            }
        }

        return null;
    }

    public Task RefundAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken) =>
        database.Set<LimitCount>().Where(count => ids.Contains(count.Id)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="decide"/> holding the gate of the charge's budget and subject, so that what it counts and
    /// charges is exact across instances; what it writes commits when <paramref name="commits"/> says so.
    /// </summary>
    public Task<T> UnderGateAsync<T>(Charge gate, Func<Task<T>> decide, Func<T, bool> commits, CancellationToken cancellationToken) =>
        gates.DecideAsync($"{gate.Budget.Name}:{gate.Subject}", decide, commits, cancellationToken);

    /// <summary>Rows no window counts any more.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var countedUntil = Now - Budget.LongestWindow;
        return database.Set<LimitCount>().Where(count => count.At < countedUntil).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// How often one kind of thing may happen to one subject (an address, an account, a phone number, a country) within a
/// sliding window. The name keys both the counted rows and the gate that makes a count exact, so no two budgets share
/// either; the options class that owns a setting makes its budget, so each limit's default is still stated once.
/// </summary>
public sealed record Budget(string Name, int Allowed, TimeSpan Window)
{
    /// <summary>The longest window of any budget: rows older than it count for nothing and are pruned.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);

    // Checked here, so that no budget can count over rows the prune has already taken.
    public TimeSpan Window { get; } = Window <= LongestWindow ? Window
        : throw new ArgumentOutOfRangeException(nameof(Window), Window, $"A budget's window is at most {LongestWindow}.");
}

/// <summary>One occurrence counted against <paramref name="Budget"/> for <paramref name="Subject"/>.</summary>
public readonly record struct Charge(Budget Budget, string Subject);
