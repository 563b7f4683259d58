using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using IdpSmsReset.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>The measurements of this server's <c>IdpSmsReset</c> meter only: other tests run servers of their own.</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public RecordedMeasurements(IdpFactory factory)
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IdpMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value,
            tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value,
            tags.ToArray())));
        _listener.Start();
    }

    public double Sum(string instrument, params (string Key, string Value)[] labels) =>
        _measurements.Where(m => m.Instrument == instrument && labels.All(label => m.Tags.Any(tag => tag.Key == label.Key
            && Equals(tag.Value, label.Value))))
            .Sum(m => m.Value);

    public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

    public IEnumerable<string> LabelValues() => _measurements.SelectMany(m => m.Tags).Select(tag => tag.Value?.ToString() ?? "");

    public async Task WaitForAsync(string instrument, int atLeast)
    {
        for (var wait = 0; wait < 100 && Count(instrument) < atLeast; wait++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Reads the gauges now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();
}
