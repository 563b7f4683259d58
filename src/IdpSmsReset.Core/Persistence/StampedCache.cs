namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// One value read from the database and kept until its area's change stamp moves (<see cref="ChangeStamps"/>): on this
/// instance at once, on the others within <see cref="CacheOptions.MaxAge"/>. The value must be immutable.
/// </summary>
public sealed class StampedCache<T>(ChangeStamps stamps, string area) where T : class
{
    private volatile Snapshot? _snapshot;

    public async ValueTask<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var version = await stamps.CurrentAsync(area, cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Version == version)
        {
            return snapshot.Value;
        }

        var value = await read(cancellationToken);
        _snapshot = new Snapshot(version, value);
        return value;
    }

    private sealed record Snapshot(long Version, T Value);
}
