using System.Globalization;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// This server and a peer, measured in alternating rounds of one run, at 4 and 16 connections: on a shared machine
/// only ratios measured side by side hold (absolute figures drift 10–30% between runs). client_credentials for now.
/// </summary>
public static class PeerComparison
{
    public static readonly int[] Concurrencies = [4, 16];

    public static async Task RunAsync(BenchmarkContext ours, ServerUnderTest peer)
    {
        var lines = new List<string>
        {
            "| connections | round | server | tokens/s | p50 ms | p99 ms | CPU ms/token |",
            "|---:|---:|---|---:|---:|---:|---:|",
        };
        var summary = new List<string>();
        foreach (var concurrency in Concurrencies)
        {
            var cpuRatios = new List<double>();
            var throughputRatios = new List<double>();
            var p99Ratios = new List<double>();
            for (var round = 1; round <= ours.Options.Rounds; round++)
            {
                Console.Error.WriteLine($"peer comparison: {concurrency} connections, round {round} ...");
                var options = ours.Options with { Concurrency = concurrency };
                var mine = await TokenScenarios.ClientCredentialsAsync(ours with { Options = options });
                var theirs = await PeerClientCredentialsAsync(ours with { Server = peer, Options = options });
                lines.Add(Row(concurrency, round, "IdpSmsReset", mine));
                lines.Add(Row(concurrency, round, "node-oidc-provider", theirs));
                cpuRatios.Add(mine.CpuMsPerOperation / theirs.CpuMsPerOperation);
                throughputRatios.Add(mine.Throughput / theirs.Throughput);
                p99Ratios.Add(mine.Percentile(99) / theirs.Percentile(99));
            }

            summary.Add(string.Create(CultureInfo.InvariantCulture,
                $"- {concurrency} connections, median over {cpuRatios.Count} rounds: our CPU per token / the peer's = " +
                $"{Median(cpuRatios):0.00}, our throughput / the peer's = {Median(throughputRatios):0.00}, our p99 / the peer's = " +
                $"{Median(p99Ratios):0.00}."));
        }

        Console.WriteLine();
        Console.WriteLine("**client_credentials, side by side with node-oidc-provider** (alternating rounds, one run):");
        Console.WriteLine();
        lines.ForEach(Console.WriteLine);
        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
    }

    // The peer's confidential client, as server.mjs declares it: its token endpoint, and JWT access tokens for a resource.
    private static Task<Measurement> PeerClientCredentialsAsync(BenchmarkContext context) =>
        Load.ClosedLoopAsync("client_credentials token (peer)", context.Server, context.Options.Concurrency, context.Duration,
            [context.Http],
            async http =>
            {
                var token = await WebSession.TokenAsync(http, context.Server.Url,
                [
                    new("grant_type", "client_credentials"), new("scope", "api"),
                    new("client_id", BenchmarkBootstrap.ServiceClientId), new("client_secret", BenchmarkBootstrap.ClientSecret),
                ], path: "/token");
                _ = token.GetProperty("access_token");
            });

    private static string Row(int concurrency, int round, string server, Measurement measured) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {concurrency} | {round} | {server} | {measured.Throughput:0} | {measured.Percentile(50):0.0} | " +
            $"{measured.Percentile(99):0.0} | {measured.CpuMsPerOperation:0.00} |");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
