using System.Diagnostics;
using System.Net;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// A wrong password for one kind of name against another (an account and a name no account has; an imported account and
/// a native one), interleaved at a fixed rate, so that both see the same load: the medians must differ by less than
/// <see cref="GoalMs"/>, or the login page tells an attacker which kind a name is. Names rotate so that neither kind
/// reaches a lockout during the run.
/// </summary>
public static class LoginTimingScenarios
{
    public const int PerSecond = 8;
    public const double GoalMs = 2;

    public static Task<IReadOnlyList<Measurement>> WrongPasswordAsync(BenchmarkContext context) => CompareAsync(context,
        ("login: wrong password, existing account", BenchmarkBootstrap.ProbeUser),
        ("login: wrong password, unknown name", slot => $"nobody-probe-{slot}"));

    /// <summary><paramref name="perSecond"/> attempts a second (default <see cref="PerSecond"/>), half of each kind.</summary>
    public static async Task<IReadOnlyList<Measurement>> CompareAsync(BenchmarkContext context,
        (string Label, Func<int, string> Name) first, (string Label, Func<int, string> Name) second, int perSecond = PerSecond)
    {
        var count = perSecond * Math.Max(context.Options.Seconds, 15);
        var latencies = new double[count + Load.WarmUpOperations];
        Func<int, string>[] names = [first.Name, second.Name];
        await Load.FixedRateAsync(perSecond, 24, index => AttemptAsync(context, names, count + index % Load.WarmUpOperations, latencies));

        context.Server.ResetPeakRss();
        var cpuBefore = context.Server.CpuTime;
        var clock = Stopwatch.StartNew();
        var results = await Load.FixedRateAsync(perSecond, count, index => AttemptAsync(context, names, index, latencies));
        clock.Stop();
        var cpuPerAttempt = (context.Server.CpuTime - cpuBefore) / count;
        var peak = context.Server.PeakRssBytes;

        var rows = new[] { first.Label, second.Label }.Select((label, parity) =>
        {
            var kind = results.Where(result => result.Index % 2 == parity).ToList();
            var ok = kind.Where(result => !result.Failed).Select(result => latencies[result.Index]).ToList();
            return new Measurement(label, ok.Count, kind.Count - ok.Count, clock.Elapsed, ok, cpuPerAttempt * ok.Count, peak);
        }).ToList();
        Console.WriteLine($"{first.Label} / {second.Label}: medians differ by "
            + $"{Math.Abs(rows[0].Percentile(50) - rows[1].Percentile(50)):0.00} ms (goal < {GoalMs} ms)");
        return rows;
    }

    private static async Task AttemptAsync(BenchmarkContext context, Func<int, string>[] names, int index, double[] latencies)
    {
        var session = new WebSession(context.Http, context.Server.Url);
        await session.OpenFormAsync("/account/login");
        var name = names[index % 2](index / 2 % BenchmarkBootstrap.ProbeUsers);

        var started = Stopwatch.GetTimestamp();
        using var answer = await session.PostFormAsync("/account/login", [new("Input.UserName", name), new("Input.Password",
            "not the password")]);
        latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        WebSession.Expect(answer, HttpStatusCode.OK, "wrong password refused");
    }
}
