using System.Collections.Concurrent;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// <see cref="StampedCache{T}"/> by key: values read one key at a time, all dropped together once the change stamp of
/// one of their areas moves. What is kept is the caller's choice (<c>keep</c>), so a key that names nothing, sent in a
/// loop, cannot grow it; the values must be immutable.
/// </summary>
public sealed class StampedLookup<TKey, TValue>(ChangeStamps stamps, IEqualityComparer<TKey>? comparer, params string[] areas)
    where TKey : notnull
{
    private volatile Generation _current = new(long.MinValue, comparer);

    /// <summary>How many values are kept now.</summary>
    public int Count => _current.Values.Count;

    public async ValueTask<TValue> GetAsync(TKey key, Func<TKey, CancellationToken, Task<TValue>> read, Func<TValue, bool> keep,
        CancellationToken cancellationToken)
    {
        var version = await stamps.CurrentAsync(areas, cancellationToken);
        var generation = _current;
        if (version > generation.Version)
        {
            generation = new Generation(version, comparer);
            _current = generation;
        }
        else if (version < generation.Version)
        {
            // Read under stamps older than what another request already saw: answered, never kept.
            return await read(key, cancellationToken);
        }

        if (generation.Values.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var value = await read(key, cancellationToken);
        if (keep(value))
        {
            generation.Values[key] = value;
        }

        return value;
    }

    private sealed class Generation(long version, IEqualityComparer<TKey>? comparer)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<TKey, TValue> Values { get; } = new(comparer);
    }
}
