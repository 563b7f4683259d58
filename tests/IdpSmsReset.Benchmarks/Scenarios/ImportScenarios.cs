using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// Issue 34's goals: <see cref="Population"/> users from JSON lines in under <see cref="GoalSeconds"/>, through each door
/// (the command line's <c>import</c>, then <c>POST /api/v1/users:import</c>, on the server's own database); a wrong
/// password for an imported bcrypt (cost 10) account as slow as for a native one (within 2 ms); and the first sign-in
/// of an imported account under <see cref="SignInGoalRatio"/> times a native sign-in.
/// </summary>
public static class ImportScenarios
{
    public const int Population = 100_000;
    public const double GoalSeconds = 60;
    public const double SignInGoalRatio = 1.2;

    private const int FirstSignIns = 60;
    private const int SignInsPerSecond = 3;

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchmarkContext context, IReadOnlyDictionary<string, string> settings,
        string directory)
    {
        // One bcrypt hash for every line: an import computes none, so the lines need not differ in it.
        var hash = BCrypt.Net.BCrypt.HashPassword(BenchmarkBootstrap.Password, 10);
        // The accounts the sign-in scenarios use first, on a quiet server: the timings compare checks, not an import's wake.
        var accounts = Enumerable.Range(0, BenchmarkBootstrap.ProbeUsers).Select(index => $"mig-probe-{index}")
            .Concat(Enumerable.Range(0, FirstSignIns).Select(index => $"mig-first-{index}"));
        await ImportThroughApiAsync(context, await WriteAsync(directory, "accounts", accounts, hash));
        var rows = new List<Measurement>();
        rows.AddRange(await LoginTimingScenarios.CompareAsync(context,
            ("login: wrong password, imported bcrypt-10 account", slot => $"mig-probe-{slot}"),
            ("login: wrong password, native account", BenchmarkBootstrap.ProbeUser),
            // Half the rate of the unknown-name comparison: a wrong password here costs the dearer of two checks.
            perSecond: LoginTimingScenarios.PerSecond / 2));
        rows.AddRange(await FirstSignInsAsync(context));
        rows.Add(await CommandLineAsync(context, settings, directory, hash));
        rows.Add(await ApiAsync(context, directory, hash));
        return rows;
    }

    private static async Task<Measurement> CommandLineAsync(BenchmarkContext context, IReadOnlyDictionary<string, string> settings,
        string directory, string hash)
    {
        var file = await WriteAsync(directory, "cli", Population, hash);
        var clock = Stopwatch.StartNew();
        using var import = ServerProcess.Start(directory, new Dictionary<string, string>(settings), "import", file);
        var exit = await import.WaitForExitAsync(TimeSpan.FromMinutes(10));
        clock.Stop();
        var cpu = TimeSpan.Zero; // Another process: its time is in the elapsed figure.
        Console.WriteLine($"import (command line): {Population:N0} users in {clock.Elapsed.TotalSeconds:F1} s "
            + $"(goal < {GoalSeconds} s), exit {exit}: {import.Output.Split('\n').LastOrDefault(line => line.Contains("lines:"))?.Trim()}");
        return new Measurement($"import {Population:N0} users, command line", exit == 0 ? Population : 0, exit == 0 ? 0 : 1,
            clock.Elapsed, [clock.Elapsed.TotalMilliseconds], cpu, 0);
    }

    private static async Task<Measurement> ApiAsync(BenchmarkContext context, string directory, string hash)
    {
        var file = await WriteAsync(directory, "api", Population, hash);
        context.Server.ResetPeakRss();
        var cpuBefore = context.Server.CpuTime;
        var clock = Stopwatch.StartNew();
        var created = await ImportThroughApiAsync(context, file);
        clock.Stop();
        Console.WriteLine($"import (API): {created:N0} users in {clock.Elapsed.TotalSeconds:F1} s (goal < {GoalSeconds} s), "
            + $"peak RSS {context.Server.PeakRssBytes / 1024 / 1024} MiB");
        return new Measurement($"import {Population:N0} users, POST /api/v1/users:import", created, Population - created,
            clock.Elapsed, [clock.Elapsed.TotalMilliseconds], context.Server.CpuTime - cpuBefore, context.Server.PeakRssBytes);
    }

    /// <summary>The file streamed as the body, as a migration script sends it; the number of users created.</summary>
    private static async Task<int> ImportThroughApiAsync(BenchmarkContext context, string file)
    {
        var token = await ManagementApiScenarios.TokenAsync(context, "idp:admin");
        await using var body = File.OpenRead(file);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{context.Server.Url}/api/v1/users:import")
        {
            Content = new StreamContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await context.Http.SendAsync(request);
        var report = await response.Content.ReadAsStringAsync();
        WebSession.Expect(response, HttpStatusCode.OK, "import: " + report);
        return JsonDocument.Parse(report).RootElement.GetProperty("created").GetInt32();
    }

    private static Task<string> WriteAsync(string directory, string door, int count, string hash) =>
        WriteAsync(directory, door, Enumerable.Range(0, count).Select(index => $"imp-{door}-{index:D6}"), hash);

    private static async Task<string> WriteAsync(string directory, string name, IEnumerable<string> userNames, string hash)
    {
        var file = Path.Combine(directory, $"import-{name}.jsonl");
        await using var writer = new StreamWriter(file);
        var index = 0;
        foreach (var userName in userNames)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(new
            {
                userName, email = $"{userName}@example.com", displayName = $"Imported {index}", passwordHash = hash,
                phoneNumber = $"+1415555{index++ % 10_000:D4}", phoneNumberVerified = true, createdAt = "2020-01-02T03:04:05Z",
                attributes = new Dictionary<string, string> { ["employeeNumber"] = $"E-{index}" },
            }));
        }

        return file;
    }

    /// <summary>
    /// Each imported account signs in once (its first, the one that verifies the bcrypt hash and has it replaced),
    /// interleaved with native accounts signing in, at a fixed rate: the two medians side by side.
    /// </summary>
    private static async Task<IReadOnlyList<Measurement>> FirstSignInsAsync(BenchmarkContext context)
    {
        var latencies = new double[2 * FirstSignIns];
        var clock = Stopwatch.StartNew();
        var results = await Load.FixedRateAsync(SignInsPerSecond, 2 * FirstSignIns, async index =>
        {
            var session = new WebSession(context.Http, context.Server.Url);
            await session.OpenFormAsync("/account/login");
            var name = index % 2 == 0 ? $"mig-first-{index / 2}" : BenchmarkBootstrap.SignInUser(index / 2);
            var started = Stopwatch.GetTimestamp();
            using var answer = await session.PostFormAsync("/account/login",
                [new("Input.UserName", name), new("Input.Password", BenchmarkBootstrap.Password)]);
            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            WebSession.Expect(answer, HttpStatusCode.Redirect, "sign-in");
        });
        clock.Stop();
        var rows = new[] { "login: first sign-in, imported bcrypt-10 account", "login: sign-in, native account" }.Select((label, parity) =>
        {
            var ok = results.Where(result => result.Index % 2 == parity && !result.Failed)
                .Select(result => latencies[result.Index]).ToList();
            return new Measurement(label, ok.Count, FirstSignIns - ok.Count, clock.Elapsed, ok, TimeSpan.Zero, 0);
        }).ToList();
        Console.WriteLine($"first sign-in of an imported account / a native sign-in: "
            + $"{rows[0].Percentile(50) / rows[1].Percentile(50):0.00} × (medians; goal < {SignInGoalRatio} ×)");
        return rows;
    }
}
