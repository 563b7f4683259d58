using System.Diagnostics;
using System.Net;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// "Forgot password?" as users arrive, 20 a second: an account that may reset by SMS and a name no account has,
/// interleaved. Both steps are timed: the name typed, and the request for a code (which queues the job).
/// </summary>
public static class ResetScenarios
{
    public const int PerSecond = 20;

    public static async Task<IReadOnlyList<Measurement>> RequestCodeAsync(BenchmarkContext context)
    {
        var count = PerSecond * Math.Max(context.Options.Seconds, 15);
        var nameTyped = new double[count];
        var codeRequested = new double[count];
        await Load.FixedRateAsync(PerSecond, 40, index => OneAsync(context, index, new double[40], new double[40]));

        context.Server.ResetPeakRss();
        var cpuBefore = context.Server.CpuTime;
        var clock = Stopwatch.StartNew();
        var results = await Load.FixedRateAsync(PerSecond, count, index => OneAsync(context, index, nameTyped, codeRequested));
        clock.Stop();
        var cpu = context.Server.CpuTime - cpuBefore;
        var peak = context.Server.PeakRssBytes;

        Measurement Row(string name, double[] latencies, int parity)
        {
            var mine = results.Where(result => result.Index % 2 == parity).ToList();
            var ok = mine.Where(result => !result.Failed).Select(result => latencies[result.Index]).ToList();
            // The server's CPU is shared between the two kinds: each row carries the cost of one whole flow.
            return new Measurement(name, ok.Count, mine.Count(result => result.Failed), clock.Elapsed, ok, cpu / count * ok.Count, peak);
        }

        return
        [
            Row("reset: name typed, existing", nameTyped, 0),
            Row("reset: name typed, unknown", nameTyped, 1),
            Row("reset: request a code, existing", codeRequested, 0),
            Row("reset: request a code, unknown", codeRequested, 1),
        ];
    }

    private static async Task OneAsync(BenchmarkContext context, int index, double[] nameTyped, double[] codeRequested)
    {
        var session = new WebSession(context.Http, context.Server.Url);
        await session.OpenFormAsync("/account/forgot-password");
        var name = index % 2 == 0 ? BenchmarkBootstrap.ResetUserName : $"nobody-{index}";

        var started = Stopwatch.GetTimestamp();
        using (var typed = await session.PostFormAsync("/account/forgot-password", [new("Input.Login", name)]))
        {
            WebSession.Expect(typed, HttpStatusCode.Redirect, "name typed");
        }

        nameTyped[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
        using (var requested = await session.PostFormAsync("/account/forgot-password/method", [new("Choice", "sms")]))
        {
            WebSession.Expect(requested, HttpStatusCode.Redirect, "code requested");
        }

        codeRequested[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
