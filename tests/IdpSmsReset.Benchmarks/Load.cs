using System.Diagnostics;

namespace IdpSmsReset.Benchmarks;

/// <summary>
/// Drives a scenario's operation against the server and measures it: the server's CPU time and peak memory over
/// exactly the measured window (after a warm-up), and each operation's latency as the client saw it.
/// </summary>
public static class Load
{
    /// <summary>Operations run before measuring, however slow the scenario (and at least five seconds).</summary>
    public const int WarmUpOperations = 300;

    /// <summary>Closed loop: <paramref name="concurrency"/> workers, each starting its next operation when the last ends.</summary>
    public static async Task<Measurement> ClosedLoopAsync<TWorker>(
        string scenario, ServerUnderTest server, int concurrency, TimeSpan duration, IReadOnlyList<TWorker> workers, Func<TWorker,
            Task> operation)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;

        // Warm-up, outside the measured window: connection pools, caches, and above all the JIT. Tiered compilation
        // recompiles a method in the background after enough calls; counted in, it made a slow scenario (a sign-in,
        // 20 a second) look 20 ms of CPU dearer per operation than it is once the server has run a while.
        var warmUp = Stopwatch.StartNew();
        var warmedUp = 0;
        while (warmUp.Elapsed < TimeSpan.FromSeconds(5) || warmedUp < WarmUpOperations)
        {
            warmedUp += await RunAsync(TimeSpan.FromSeconds(1), null);
        }

        server.ResetPeakRss();
        var cpuBefore = server.CpuTime;
        var clock = Stopwatch.StartNew();
        await RunAsync(duration, latencies);
        clock.Stop();
        var cpu = server.CpuTime - cpuBefore;
        var all = latencies.SelectMany(list => list).ToList();
        return new Measurement(scenario, all.Count, errors, clock.Elapsed, all, cpu, server.PeakRssBytes);

        async Task<int> RunAsync(TimeSpan length, List<double>[]? record)
        {
            var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
            var done = 0;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async index =>
            {
                var mine = record is null ? null : record[index] = [];
                var worker = workers[index % workers.Count];
                while (Stopwatch.GetTimestamp() < until)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await operation(worker);
                        mine?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        Interlocked.Increment(ref done);
                    }
                    catch (Exception exception) when (record is not null)
                    {
                        if (Interlocked.Increment(ref errors) <= 3)
                        {
                            Console.Error.WriteLine($"{scenario}: {exception.Message}");
                        }
                    }
                }
            }));
            return done;
        }
    }

    /// <summary>Open loop: operations started at a fixed rate whatever the answers, as independent users arrive.</summary>
    public static async Task<IReadOnlyList<(int Index, double Ms, bool Failed)>> FixedRateAsync(int perSecond, int count, Func<int,
        Task> operation)
    {
        var results = new (int, double, bool)[count];
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>();
        for (var index = 0; index < count; index++)
        {
            var due = TimeSpan.FromTicks(interval.Ticks * index) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var current = index;
            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var failed = false;
                try
                {
                    await operation(current);
                }
                catch (Exception exception)
                {
                    failed = true;
                    Console.Error.WriteLine($"request {current}: {exception.Message}");
                }

                results[current] = (current, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed);
            }));
        }

        await Task.WhenAll(running);
        return results;
    }
}
