
namespace IdpSmsReset.Benchmarks;

/// <summary>What every scenario runs against: the server, Twilio's stand-in, the shared connections and the options.</summary>
public sealed record BenchmarkContext(ServerUnderTest Server, FakeTwilio Twilio, HttpClient Http, BenchmarkOptions Options)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Options.Seconds);
}
