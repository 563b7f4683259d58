namespace IdpSmsReset.Server.Hosting;

/// <summary>The Prometheus endpoint (<c>Idp:Metrics</c>).</summary>
public sealed class MetricsSettings
{
    /// <summary>
    /// Whether <see cref="Path"/> answers at all. Default: on in Development, off elsewhere: an operator turns it on
    /// knowing who can reach it (a separate <see cref="Port"/>, or a proxy that does not forward the path).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// When set, the metrics answer only on this port, which the server must also listen on (for example
    /// <c>ASPNETCORE_URLS=http://+:8080;http://+:9000</c>); a proxy that forwards the public port never exposes them.
    /// Default: none, the main port.
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// Whether OpenTelemetry collects anything at all (metrics, traces, their exporters). Default true; off, the
    /// instruments cost next to nothing and <see cref="Path"/> does not answer (the benchmark compares both).
    /// </summary>
    public bool Telemetry { get; set; } = true;

    public bool IsEnabled(IHostEnvironment environment) => Telemetry && (Enabled ?? environment.IsDevelopment());
}
