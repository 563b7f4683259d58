using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The one way a cache learns that what it holds changed, on this instance or another: every write to a table an area
/// covers bumps the area's counter in the database, in the write's own transaction (<see cref="CachedTableWrites"/>, by
/// itself: no change has to remember to), and a cache keeps the counter it read with its value and drops the value once
/// the counter moved (<see cref="StampedCache{T}"/>). The counters are read at most once per
/// <see cref="CacheOptions.MaxAge"/> per instance, so other instances follow a change within it; this instance follows
/// at once.
/// </summary>
public sealed class ChangeStamps(IServiceScopeFactory scopes, TimeProvider time, IOptions<CacheOptions> options)
{
    public TimeSpan MaxAge => options.Value.MaxAge;

    private volatile Snapshot? _snapshot;

    // A change is recorded inside its transaction, so a read between the bump and the commit still sees the old
    // counters, and would keep them for MaxAge: once this process bumped a stamp (at the statement, and again at its
    // commit), every read goes to the database until MaxAge after this instance noticed, however long the commit took,
    // so the change counts here as soon as it commits.
    private long _bumpsSeen;
    private long _readAfreshUntil;

    /// <summary>The current counter of <paramref name="area"/> (one of <see cref="ChangeAreas"/>).</summary>
    public async ValueTask<long> CurrentAsync(string area, CancellationToken cancellationToken) =>
        (await VersionsAsync(cancellationToken)).GetValueOrDefault(area);

    /// <summary>
    /// One number for several areas, which moves whenever one of theirs does: the counters only ever grow, so their sum
    /// does too. All are taken from one read of the counters.
    /// </summary>
    public async ValueTask<long> CurrentAsync(IReadOnlyList<string> areas, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(cancellationToken);
        return areas.Sum(area => versions.GetValueOrDefault(area));
    }

    private async ValueTask<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = time.GetUtcNow();
        if (snapshot is null || snapshot.ReadAt + MaxAge <= now || BumpedHereLately(now))
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var versions = await database.Set<ChangeStamp>().AsNoTracking().ToDictionaryAsync(stamp => stamp.Area, stamp => stamp.Version,
                cancellationToken);
            _snapshot = snapshot = new Snapshot(versions, time.GetUtcNow());
        }

        return snapshot.Versions;
    }

    private bool BumpedHereLately(DateTimeOffset now)
    {
        var bumps = CachedTableWrites.Instance.Stamps;
        if (Interlocked.Exchange(ref _bumpsSeen, bumps) != bumps)
        {
            Interlocked.Exchange(ref _readAfreshUntil, (now + MaxAge).UtcTicks);
            return true;
        }

        return now.UtcTicks < Interlocked.Read(ref _readAfreshUntil);
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, long> Versions, DateTimeOffset ReadAt);
}
