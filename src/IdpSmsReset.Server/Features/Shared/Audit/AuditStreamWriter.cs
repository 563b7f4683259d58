using IdpSmsReset.Core.Audit;
using IdpSmsReset.Server.Features.Admin.Audit;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Shared.Audit;

/// <summary>
/// The audit stream (<see cref="AuditOptions.Stream"/>): each committed event as one line of the export's JSON Lines
/// schema, on standard output or appended to a file, and as an OpenTelemetry log record when OTLP is configured. A
/// failure to write is logged and never fails the change that was already committed.
/// </summary>
public sealed partial class AuditStreamWriter(IOptions<AuditOptions> options, IHostEnvironment environment, ILoggerFactory loggers,
    bool toOpenTelemetry) : IAuditStream, IDisposable
{
    /// <summary>The log category of the OpenTelemetry records; kept off the console, which has the stream if asked.</summary>
    public const string Category = "IdpSmsReset.Audit.Stream";

    private static readonly AuditExportWriter Lines = AuditExportWriter.For("jsonl")!;

    private readonly ILogger _records = loggers.CreateLogger(Category);
    private readonly ILogger _logger = loggers.CreateLogger<AuditStreamWriter>();
    private readonly Lock _gate = new();
    private StreamWriter? _file;

    public void Publish(IReadOnlyList<AuditEvent> events)
    {
        var target = options.Value.Stream;
        if (target == AuditStreamTarget.None && !toOpenTelemetry)
        {
            return;
        }

        foreach (var auditEvent in events)
        {
            if (toOpenTelemetry)
            {
                AuditRecord(_records, auditEvent.Type, AuditEventCatalogue.OutcomeOf(auditEvent.Type), auditEvent.Id,
                    auditEvent.SubjectUserId, auditEvent.Actor, auditEvent.ClientId, auditEvent.IpAddress, auditEvent.Details);
            }
        }

        if (target == AuditStreamTarget.None)
        {
            return;
        }

        var text = string.Concat(events.Select(auditEvent => Lines.Line(new AuditExportRow(auditEvent, null))));
        try
        {
            lock (_gate)
            {
                var writer = target == AuditStreamTarget.Stdout ? Console.Out : (_file ??= OpenFile());
                writer.Write(text);
                writer.Flush();
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            StreamFailed(_logger, target, exception.GetType().Name);
        }
    }

    public void Dispose() => _file?.Dispose();

    private StreamWriter OpenFile()
    {
        var path = Path.Combine(environment.ContentRootPath, options.Value.StreamPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = false };
    }

    [LoggerMessage(9101, LogLevel.Information, "Audit {Type} ({Outcome}) {EventId} subject {SubjectUserId} actor {Actor} " +
        "client {ClientId} from {IpAddress}: {Details}")]
    private static partial void AuditRecord(ILogger logger, string type, string outcome, Guid eventId, string? subjectUserId,
        string actor, string? clientId, string? ipAddress, string? details);

    [LoggerMessage(9102, LogLevel.Error, "The audit stream ({Target}) could not be written: {Error}")]
    private static partial void StreamFailed(ILogger logger, AuditStreamTarget target, string error);
}
