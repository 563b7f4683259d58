using System.Diagnostics;
using System.Net;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// A wrong password for an account that exists against one for a name no account has, interleaved at a fixed rate,
/// so that both see the same load: the medians must differ by less than <see cref="GoalMs"/>, or the login page tells
/// an attacker which names are accounts. Names rotate so that neither kind reaches a lockout during the run.
/// </summary>
public static class LoginTimingScenarios
{
    public const int PerSecond = 8;
    public const double GoalMs = 2;

    public static async Task<IReadOnlyList<Measurement>> WrongPasswordAsync(BenchmarkContext context)
    {
        var count = PerSecond * Math.Max(context.Options.Seconds, 15);
        var latencies = new double[count + Load.WarmUpOperations];
        await Load.FixedRateAsync(PerSecond, 24, index => AttemptAsync(context, count + index % Load.WarmUpOperations, latencies));

        context.Server.ResetPeakRss();
        var cpuBefore = context.Server.CpuTime;
        var clock = Stopwatch.StartNew();
        var results = await Load.FixedRateAsync(PerSecond, count, index => AttemptAsync(context, index, latencies));
        clock.Stop();
        var cpuPerAttempt = (context.Server.CpuTime - cpuBefore) / count;
        var peak = context.Server.PeakRssBytes;

        var rows = new[] { "login: wrong password, existing account", "login: wrong password, unknown name" }.Select((name, parity) =>
        {
            var kind = results.Where(result => result.Index % 2 == parity).ToList();
            var ok = kind.Where(result => !result.Failed).Select(result => latencies[result.Index]).ToList();
            return new Measurement(name, ok.Count, kind.Count - ok.Count, clock.Elapsed, ok, cpuPerAttempt * ok.Count, peak);
        }).ToList();
        Console.WriteLine($"login timing: medians differ by {Math.Abs(rows[0].Percentile(50) - rows[1].Percentile(50)):0.00} ms (goal <" +
            $" {GoalMs} ms)");
        return rows;
    }

    private static async Task AttemptAsync(BenchmarkContext context, int index, double[] latencies)
    {
        var session = new WebSession(context.Http, context.Server.Url);
        await session.OpenFormAsync("/account/login");
        var slot = index / 2 % BenchmarkBootstrap.ProbeUsers;
        var name = index % 2 == 0 ? BenchmarkBootstrap.ProbeUser(slot) : $"nobody-probe-{slot}";

        var started = Stopwatch.GetTimestamp();
        using var answer = await session.PostFormAsync("/account/login", [new("Input.UserName", name), new("Input.Password",
            "not the password")]);
        latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        WebSession.Expect(answer, HttpStatusCode.OK, "wrong password refused");
    }
}
