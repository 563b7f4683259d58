using System.Globalization;

namespace IdpSmsReset.Benchmarks.Scenarios;

/// <summary>
/// This server and a peer, measured in alternating rounds of one run, at 4 and 16 connections: on a shared machine
/// only ratios measured side by side hold (absolute figures drift 10–30% between runs). Each scenario is the same code
/// for both servers (<see cref="TokenScenarios"/>), pointed at each one's endpoints and clients.
/// </summary>
public static class PeerComparison
{
    public static readonly int[] Concurrencies = [4, 16];

    private static readonly (string Option, string Name, Func<BenchmarkContext, Task<Measurement>> Run)[] Scenarios =
    [
        ("cc", "client_credentials", TokenScenarios.ClientCredentialsAsync),
        ("refresh", "refresh rotation", TokenScenarios.RefreshAsync),
        ("userinfo", "userinfo", TokenScenarios.UserInfoAsync),
        ("introspect", "introspection", TokenScenarios.IntrospectionAsync),
        ("code", "code flow + PKCE, sign-in page filled in", TokenScenarios.AuthorizationCodeFlowAsync),
    ];

    public static async Task RunAsync(BenchmarkContext ours, ServerUnderTest peer)
    {
        var theirs = ours with { Server = peer, Endpoints = ProviderEndpoints.NodeOidcProvider };
        var lines = new List<string>
        {
            "| scenario | connections | round | server | ops/s | p50 ms | p99 ms | CPU ms/op |",
            "|---|---:|---:|---|---:|---:|---:|---:|",
        };
        var summary = new List<string>();
        foreach (var (option, name, run) in Scenarios.Where(scenario => ours.Options.Runs(scenario.Option)))
        {
            foreach (var concurrency in Concurrencies)
            {
                var ratios = new Ratios();
                for (var round = 1; round <= ours.Options.Rounds; round++)
                {
                    Console.Error.WriteLine($"peer comparison: {name}, {concurrency} connections, round {round} ...");
                    var options = ours.Options with { Concurrency = concurrency };
                    var mine = await run(ours with { Options = options });
                    var peers = await run(theirs with { Options = options });
                    lines.Add(Row(name, concurrency, round, ours.Endpoints.Name, mine));
                    lines.Add(Row(name, concurrency, round, theirs.Endpoints.Name, peers));
                    ratios.Add(mine, peers);
                }

                summary.Add(ratios.Describe(name, concurrency));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"**Side by side with {theirs.Endpoints.Name}** (alternating rounds, one run; CPU and p99 ratios above 1" +
            " and throughput ratios below 1 are worse for us):");
        Console.WriteLine();
        lines.ForEach(Console.WriteLine);
        Console.WriteLine();
        summary.ForEach(Console.WriteLine);
    }

    private static string Row(string scenario, int concurrency, int round, string server, Measurement measured) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {concurrency} | {round} | {server} | {measured.Throughput:0} | {measured.Percentile(50):0.0} | " +
            $"{measured.Percentile(99):0.0} | {measured.CpuMsPerOperation:0.00} |");

    /// <summary>Our figure over the peer's, per round; the median over the rounds is what the README quotes.</summary>
    private sealed class Ratios
    {
        private readonly List<double> _cpu = [];
        private readonly List<double> _throughput = [];
        private readonly List<double> _p99 = [];

        public void Add(Measurement mine, Measurement peers)
        {
            _cpu.Add(mine.CpuMsPerOperation / peers.CpuMsPerOperation);
            _throughput.Add(mine.Throughput / peers.Throughput);
            _p99.Add(mine.Percentile(99) / peers.Percentile(99));
        }

        public string Describe(string scenario, int concurrency) => string.Create(CultureInfo.InvariantCulture,
            $"- {scenario}, {concurrency} connections, median of {_cpu.Count} rounds: CPU per operation ours / peer's = " +
            $"{Median(_cpu):0.00}; throughput ours / peer's = {Median(_throughput):0.00}; p99 ours / peer's = {Median(_p99):0.00}.");

        private static double Median(List<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
