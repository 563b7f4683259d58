namespace IdpSmsReset.Core.Events;

/// <summary>
/// Which events a subscription wants: exact types (<c>sign-in.failed</c>), prefixes (<c>user.*</c>) or everything
/// (<c>*</c>). An entry that names no event in the catalogue is refused when saved, so a typo cannot silently
/// subscribe to nothing.
/// </summary>
public sealed class EventFilter
{
    private readonly string[] _exact;
    private readonly string[] _prefixes;

    private EventFilter(IEnumerable<string> entries)
    {
        var list = entries.ToList();
        _exact = [.. list.Where(entry => !entry.EndsWith('*'))];
        _prefixes = [.. list.Where(entry => entry.EndsWith('*')).Select(entry => entry[..^1])];
    }

    public static EventFilter Parse(string stored) => new(Split(stored));

    public static IReadOnlyList<string> Split(string? stored) =>
        (stored ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Matches(string eventType) =>
        _exact.Contains(eventType, StringComparer.Ordinal)
        || _prefixes.Any(prefix => eventType.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Why <paramref name="entry"/> names no event, or null when it names one or more.</summary>
    public static string? ProblemOf(string entry) =>
        new EventFilter([entry]) is var filter && EventCatalogue.Types.Any(filter.Matches)
            ? null
            : $"'{entry}' names no event: use a type from README's catalogue (sign-in.failed), a prefix (user.*) or *.";
}
