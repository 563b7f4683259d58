namespace IdpSmsReset.Core.Limits;

/// <summary>
/// How often one kind of thing may happen to one subject (an address, an account, a phone number, a country) within a
/// sliding window. The name keys both the counted rows and the gate that makes a count exact, so no two budgets share
/// either; the options class that owns a setting makes its budget, so each limit's default is still stated once.
/// </summary>
public sealed record Budget(string Name, int Allowed, TimeSpan Window)
{
    /// <summary>The longest window of any budget: rows older than it count for nothing and are pruned.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(1);
}

/// <summary>One occurrence counted against <paramref name="Budget"/> for <paramref name="Subject"/>.</summary>
public readonly record struct Charge(Budget Budget, string Subject);
