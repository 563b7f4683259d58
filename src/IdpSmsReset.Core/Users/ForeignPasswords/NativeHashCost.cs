using System.Diagnostics;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// How long this server's own hasher takes to check a password, learned from the checks it makes (a moving average,
/// seeded by one timed check), so that a wrong password for an imported user, whose foreign hash is cheaper to check,
/// takes as long as for anyone else: no timing oracle on who was migrated. A foreign hash dearer than the native one
/// (bcrypt cost 11 and up here) cannot be made cheaper; it takes its own time.
/// </summary>
public sealed class NativeHashCost(Func<TimeSpan> timeOneNativeCheck)
{
    // A tenth of each new check: quick to follow a slower machine, steady against one slow request.
    private const double Weight = 0.1;

    private readonly Lock _lock = new();
    private double? _averageTicks;

    public TimeSpan Typical
    {
        get
        {
            lock (_lock)
            {
                if (_averageTicks is { } ticks)
                {
                    return TimeSpan.FromTicks((long)ticks);
                }
            }

            var seed = timeOneNativeCheck();
            Observe(seed);
            return seed;
        }
    }

    public void Observe(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _averageTicks = _averageTicks is { } ticks ? ticks + Weight * (elapsed.Ticks - ticks) : elapsed.Ticks;
        }
    }

    /// <summary>Waits until a native check begun at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp) would end.</summary>
    public void PadFrom(long startedAt)
    {
        var deadline = startedAt + (long)(Typical.TotalSeconds * Stopwatch.Frequency);
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        if (remaining > TimeSpan.FromMilliseconds(2))
        {
            // Sleep for the bulk (no CPU), then spin the last stretch: Sleep alone overshoots by up to a millisecond.
            Thread.Sleep(remaining - TimeSpan.FromMilliseconds(1));
        }

        while (Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(64);
        }
    }
}
