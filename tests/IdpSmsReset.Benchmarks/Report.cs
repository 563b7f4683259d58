namespace IdpSmsReset.Benchmarks;

/// <summary>The table the README quotes, and the figures the goals are stated in.</summary>
public static class Report
{
    public static void Print(BenchmarkOptions options, ServerUnderTest server, TimeSpan firstStart, long rssAfterStart,
        TimeSpan passwordCheck, IReadOnlyList<Measurement> rows)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load" +
            $" generator on the same machine.");
        Console.WriteLine($"Database: {options.Database}; {options.Concurrency} workers for the closed-loop scenarios, {options.Seconds}" +
            $" s each after a warm-up.");
        Console.WriteLine();
        Console.WriteLine("| scenario | ops | ops/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/op | peak RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine($"| {row.Scenario} | {row.Operations} | {row.Throughput:F0} | {row.Percentile(50):F1} |" +
                $" {row.Percentile(95):F1} | {row.Percentile(99):F1} | {row.Errors} | {row.CpuMsPerOperation:F2} |" +
                $" {row.PeakRssBytes / 1048576.0:F0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Start-up to ready: {server.StartupToReady.TotalSeconds:F2} s on the existing database" +
            $" ({firstStart.TotalSeconds:F2} s for the very first start, which creates it and applies the bootstrap); RSS after start-up" +
            $" {rssAfterStart / 1048576.0:F0} MB, at the end {server.RssBytes / 1048576.0:F0} MB.");
        Console.WriteLine($"One password check (Identity's PBKDF2): {passwordCheck.TotalMilliseconds:F1} ms of CPU.");
        if (rows.FirstOrDefault(row => row.Scenario.StartsWith("authorization code", StringComparison.Ordinal)) is { } flow)
        {
            Console.WriteLine($"Authorization code flow: {flow.CpuMsPerOperation / passwordCheck.TotalMilliseconds:F2} password checks" +
                $" of server CPU per flow.");
        }

        foreach (var step in new[] { "name typed", "request a code" })
        {
            var existing = rows.FirstOrDefault(row => row.Scenario == $"reset: {step}, existing");
            var unknown = rows.FirstOrDefault(row => row.Scenario == $"reset: {step}, unknown");
            if (existing is not null && unknown is not null)
            {
                Console.WriteLine($"Reset, {step}: median existing − unknown =" +
                    $" {existing.Percentile(50) - unknown.Percentile(50):+0.00;-0.00} ms.");
            }
        }

        if (rows.FirstOrDefault(row => row.Scenario.StartsWith("SMS burst", StringComparison.Ordinal)) is { } burst)
        {
            Console.WriteLine($"SMS burst: {burst.Operations} of {burst.Operations + burst.Errors} reached Twilio" +
                $" {burst.Elapsed.TotalSeconds:F1} s after the first was queued.");
        }
    }
}
