using System.Collections.Concurrent;
using System.Globalization;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// A number per country as the settings row keeps it (<c>US=5000,NG=20</c>); parsed once per distinct text, since the
/// outbox asks on every message.
/// </summary>
public static class CountryTable
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, decimal>> Parsed = new();

    public static IReadOnlyDictionary<string, decimal> Parse(string text) =>
        text.Length == 0 ? Empty : Parsed.Count > 64 ? Read(text) : Parsed.GetOrAdd(text, Read);

    public static string Write(IEnumerable<KeyValuePair<string, decimal>> entries) =>
        string.Join(',', entries.OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => $"{entry.Key.ToUpperInvariant()}={entry.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static readonly IReadOnlyDictionary<string, decimal> Empty = new Dictionary<string, decimal>();

    private static IReadOnlyDictionary<string, decimal> Read(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            .ToDictionary(parts => parts[0].ToUpperInvariant(), parts => decimal.Parse(parts[1], CultureInfo.InvariantCulture),
                StringComparer.OrdinalIgnoreCase);
}
