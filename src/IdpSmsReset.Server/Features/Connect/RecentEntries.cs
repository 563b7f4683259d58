using System.Collections.Concurrent;
using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Rows the hot read-only endpoints need, kept per instance for at most <c>Idp:Cache:MaxAge</c> (1 s): the token and
/// authorization entries userinfo and introspection check an access token against (<see cref="RecentTokenState"/>), and
/// the profile userinfo answers with. An API that calls them for every request it serves would otherwise cost three
/// database reads each time. A row changed on this instance is read afresh at once (a write to its table here drops
/// what was read before it, see <see cref="CachedTableWrites"/>); changed on another instance, within MaxAge. So a token
/// revoked anywhere is refused everywhere within MaxAge. Values are immutable or detached copies, never an entity a
/// request tracks.
/// </summary>
public sealed class RecentEntries(IOptions<CacheOptions> options, TimeProvider time)
{
    // A bound on memory: past it the cache starts again empty, which costs one read per row, not correctness.
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxAge = options.Value.MaxAge;

    /// <param name="generation">The table's write count (<see cref="CachedTableWrites"/>), taken now, before the read.</param>
    public async ValueTask<T?> GetOrReadAsync<T>(string key, long generation, Func<ValueTask<T?>> read, Func<T, T> detach)
        where T : class
    {
        var readAt = time.GetTimestamp();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation
            && time.GetElapsedTime(entry.ReadAt) < _maxAge)
        {
            return (T)entry.Value;
        }

        var value = await read();
        if (value is not null)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(detach(value), generation, readAt);
        }

        return value;
    }

    private sealed record Entry(object Value, long Generation, long ReadAt);
}
