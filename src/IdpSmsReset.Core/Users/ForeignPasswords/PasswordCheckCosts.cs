using System.Diagnostics;

namespace IdpSmsReset.Core.Users.ForeignPasswords;

/// <summary>
/// How long each kind of password check takes here (this server's own hash, and each algorithm and cost of the imported
/// ones), learned from the checks made (a moving average each, from its second check on: the first of a kind pays for
/// compiling its code; the native one seeded by two timed checks). A wrong
/// password, whoever it is for (a native account, an imported one, a name no account has), is answered no sooner than
/// the slowest of them: timing tells an attacker neither who was migrated nor who exists. A right one is not held
/// back: whoever typed it knows already.
/// </summary>
public sealed class PasswordCheckCosts(Func<TimeSpan> timeOneNativeCheck)
{
    public const string Native = "native";

    // A fifth of each new check: quick to follow a slower machine, steady against one slow request.
    private const double Weight = 0.2;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (double Ticks, int Count)> _averages = new(StringComparer.Ordinal);

    /// <summary>What the slowest kind of check takes, on average.</summary>
    public TimeSpan Floor
    {
        get
        {
            lock (_lock)
            {
                if (_averages.TryGetValue(Native, out var native) && native.Count > 0)
                {
                    return TimeSpan.FromTicks((long)_averages.Values.Where(average => average.Count > 0).Max(average => average.Ticks));
                }
            }

            Observe(Native, timeOneNativeCheck());
            Observe(Native, timeOneNativeCheck());
            return Floor;
        }
    }

    public void Observe(string kind, TimeSpan elapsed)
    {
        lock (_lock)
        {
            _averages[kind] = _averages.TryGetValue(kind, out var average) switch
            {
                false => (elapsed.Ticks, 0),
                true when average.Count == 0 => (elapsed.Ticks, 1),
                true => (average.Ticks + Weight * (elapsed.Ticks - average.Ticks), average.Count + 1),
            };
        }
    }

    /// <summary>Waits until <see cref="Floor"/> has passed since <paramref name="startedAt"/> (a Stopwatch timestamp).</summary>
    public void PadFrom(long startedAt)
    {
        var deadline = startedAt + (long)(Floor.TotalSeconds * Stopwatch.Frequency);
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
