
namespace IdpSmsReset.Benchmarks;

/// <summary>What every scenario runs against: the server, Twilio's stand-in, the shared connections and the options.</summary>
public sealed record BenchmarkContext(ServerUnderTest Server, FakeTwilio Twilio, HttpClient Http, BenchmarkOptions Options)
{
    /// <summary>This server's endpoints unless the context is the peer's.</summary>
    public ProviderEndpoints Endpoints { get; init; } = ProviderEndpoints.Ours;

    public TimeSpan Duration => TimeSpan.FromSeconds(Options.Seconds);
}
