using IdpSmsReset.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IdpSmsReset.Server.Hosting;

public static class ObservabilityHosting
{
    /// <summary>The OTLP exporter's standard variable: set, traces and metrics go there too.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry: the <c>IdpSmsReset</c> meter with ASP.NET Core, HttpClient and runtime metrics, served in
    /// Prometheus format (<see cref="MetricsSettings"/>); traces of requests and outgoing HTTP calls; both sent by OTLP
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static WebApplicationBuilder AddIdpObservability(this WebApplicationBuilder builder)
    {
        var settings = IdpOptions.ReadAtRegistration(builder.Configuration).Metrics;
        var metricsOn = settings.IsEnabled(builder.Environment);
        builder.Services.AddSingleton<IdpMetrics>();
        if (!settings.Telemetry)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("IdpSmsReset"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(IdpMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (metricsOn)
                {
                    metrics.AddPrometheusExporter();
                }
            })
            .WithTracing(tracing => tracing.AddSource(JobTraceContext.Source.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The Prometheus endpoint, where it is on (and only on its own port, when one is set).</summary>
    public static WebApplication MapIdpMetrics(this WebApplication app)
    {
        // Read as configured, not through IOptions: the endpoints are mapped before start-up validation, which must
        // report the first problem itself.
        var settings = IdpOptions.ReadAtRegistration(app.Configuration).Metrics;
        if (settings.IsEnabled(app.Environment))
        {
            var endpoint = app.MapPrometheusScrapingEndpoint(settings.Path);
            if (settings.Port is { } port)
            {
                endpoint.RequireHost($"*:{port}");
            }
        }

        return app;
    }
}
