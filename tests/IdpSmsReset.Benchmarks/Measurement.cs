namespace IdpSmsReset.Benchmarks;

/// <summary>One row of the table: what a scenario did, how long its operations took, and what the server spent.</summary>
public sealed record Measurement(
    string Scenario, int Operations, int Errors, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, TimeSpan ServerCpu, long PeakRssBytes)
{
    public double Throughput => Operations / Elapsed.TotalSeconds;

    public double CpuMsPerOperation => Operations == 0 ? double.NaN : ServerCpu.TotalMilliseconds / Operations;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
