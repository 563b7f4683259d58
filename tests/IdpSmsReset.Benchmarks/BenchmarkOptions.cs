namespace IdpSmsReset.Benchmarks;

/// <summary>
/// The command line: <c>--db sqlite|postgresql --seconds N --concurrency N --only name,name --tokens N
/// --peer node-oidc-provider --rounds N</c>.
/// </summary>
public sealed record BenchmarkOptions(string Database, int Seconds, int Concurrency, IReadOnlySet<string> Only, int PruneCheckTokens)
{
    /// <summary>The peer measured beside this server, in alternating rounds (<c>--peer node-oidc-provider</c>); none by default.</summary>
    public string? Peer { get; init; }

    /// <summary>Rounds of each server per concurrency in the peer comparison (<c>--rounds</c>, at least 3).</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>The PostgreSQL server (a connection string without a database), as for the tests.</summary>
    public static string PostgreSqlServer =>
        Environment.GetEnvironmentVariable("IDP_TEST_POSTGRES") is { Length: > 0 } server ? server
            : "Host=127.0.0.1;Port=5432;Username=idp;Password=idp";

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static BenchmarkOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        var database = Value("--db", "sqlite").ToLowerInvariant();
        if (database is not ("sqlite" or "postgresql"))
        {
            throw new ArgumentException($"--db must be sqlite or postgresql; it is '{database}'.");
        }

        var peer = Value("--peer", "");
        if (peer is not ("" or "node-oidc-provider"))
        {
            throw new ArgumentException($"--peer can only be node-oidc-provider; it is '{peer}'.");
        }

        return new BenchmarkOptions(
            database,
            int.Parse(Value("--seconds", "15")),
            int.Parse(Value("--concurrency", "4")),
            Value("--only", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            int.Parse(Value("--tokens", "0")))
        {
            Peer = peer.Length == 0 ? null : peer,
            Rounds = Math.Max(3, int.Parse(Value("--rounds", "3"))),
        };
    }
}
