using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The one way a cache learns that what it holds changed, on this instance or another: each change bumps its area's
/// counter in the database (<see cref="BumpAsync"/>, in the change's own unit of work), and a cache keeps the
/// counter it read with its value and drops the value once the counter moved. The counters are read at most once per
/// <see cref="CacheOptions.MaxAge"/> per instance, so other instances follow a change within it; this instance follows at
/// once.
/// </summary>
public sealed class ChangeStamps(IServiceScopeFactory scopes, TimeProvider time, IOptions<CacheOptions> options)
{
    public TimeSpan MaxAge => options.Value.MaxAge;

    private volatile Snapshot? _snapshot;

    // A change is recorded inside its transaction, so a read between the bump and the commit still sees the old
    // counters, and would keep them for MaxAge: after this instance's own change, every read goes to the database
    // until MaxAge after the commit (UTC ticks), however long the commit took, so the change counts here as soon as
    // it commits.
    private long _readAfreshUntil;

    /// <summary>The current counter of <paramref name="area"/> (one of <see cref="ChangeAreas"/>).</summary>
    public async ValueTask<long> CurrentAsync(string area, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        var now = time.GetUtcNow();
        if (snapshot is null || snapshot.ReadAt + MaxAge <= now || now.UtcTicks < Interlocked.Read(ref _readAfreshUntil))
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var versions = await database.Set<ChangeStamp>().AsNoTracking().ToDictionaryAsync(stamp => stamp.Area, stamp => stamp.Version,
                cancellationToken);
            _snapshot = snapshot = new Snapshot(versions, time.GetUtcNow());
        }

        return snapshot.Versions.GetValueOrDefault(area);
    }

    /// <summary>Records a change to <paramref name="area"/>: every cache of it, on every instance, reads afresh.</summary>
    public async Task BumpAsync(IdpDbContext database, string area, CancellationToken cancellationToken)
    {
        await database.Set<ChangeStamp>().Where(stamp => stamp.Area == area)
            .ExecuteUpdateAsync(set => set.SetProperty(stamp => stamp.Version, stamp => stamp.Version + 1), cancellationToken);
        ReadAfreshForAWhile();
        database.AfterCommit(ReadAfreshForAWhile);
    }

    private void ReadAfreshForAWhile()
    {
        Interlocked.Exchange(ref _readAfreshUntil, (time.GetUtcNow() + MaxAge).UtcTicks);
        _snapshot = null;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, long> Versions, DateTimeOffset ReadAt);
}
