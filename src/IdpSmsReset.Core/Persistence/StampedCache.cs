namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// One value read from the database and kept until the change stamp of one of its areas moves
/// (<see cref="ChangeStamps"/>): on this instance at once, on the others within <see cref="CacheOptions.MaxAge"/>. The
/// value must be immutable; it and its stamp are swapped as one, so a reader never pairs a new stamp with an old value.
/// </summary>
public sealed class StampedCache<T>(ChangeStamps stamps, params string[] areas)
{
    private volatile Snapshot? _snapshot;

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        // The stamp is read before the value: a change made in between is read now and merely read again later.
        var version = await stamps.CurrentAsync(areas, cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Version == version)
        {
            return snapshot.Value;
        }

        var value = await read(cancellationToken);
        // A request that read the stamps before another's newer read must not put an older value back.
        if (snapshot is null || version > snapshot.Version)
        {
            _snapshot = new Snapshot(version, value);
        }

        return value;
    }

    private sealed record Snapshot(long Version, T Value);
}
