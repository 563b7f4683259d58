using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>
/// Every log entry the server writes (at the levels its configuration lets through): the message as an operator reads
/// it, its event id, and every structured value, which a log shipper would store beside it.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Capturer(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Capturer(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?,
            string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.Select(pair => $"{pair.Key}={pair.Value}") : [];
            entries.Enqueue(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception), string.Join(" ", values),
                exception?.ToString()));
        }
    }
}

public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, string Values, string? Exception)
{
    /// <summary>Everything the entry would put on disk.</summary>
    public string AllText => $"{Category} {Message} {Values} {Exception}";
}
