using System.Globalization;
using System.Text.Json;
using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.Server.Features.Admin.Audit;

/// <summary>
/// One audit event per line, in JSON Lines or CSV, with the same columns in the same order (README's "Audit export"
/// schema). A CSV cell that a spreadsheet would run as a formula is written as text.
/// </summary>
public abstract class AuditExportWriter
{
    public static readonly string[] Columns =
    [
        "id", "occurredAt", "type", "outcome", "actor", "subjectUserId", "subjectUserName", "clientId", "ipAddress", "userAgent",
        "details",
    ];

    public abstract string ContentType { get; }

    public abstract string Extension { get; }

    public static AuditExportWriter? For(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "jsonl" => new JsonLines(),
        "csv" => new Csv(),
        _ => null,
    };

    /// <summary>The first line, or none.</summary>
    public virtual string? Header => null;

    /// <summary>The row as one line, its line break included.</summary>
    public abstract string Line(AuditExportRow row);

    protected static string?[] Values(AuditExportRow row) =>
    [
        row.Event.Id.ToString(), row.Event.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), row.Event.Type,
        row.Outcome, row.Event.Actor, row.Event.SubjectUserId, row.SubjectUserName, row.Event.ClientId, row.Event.IpAddress,
        row.Event.UserAgent, row.Event.Details,
    ];

    private sealed class JsonLines : AuditExportWriter
    {
        public override string ContentType => "application/x-ndjson; charset=utf-8";

        public override string Extension => "jsonl";

        public override string Line(AuditExportRow row)
        {
            var values = Values(row);
            var line = new Dictionary<string, string?>(Columns.Length);
            for (var i = 0; i < Columns.Length; i++)
            {
                line[Columns[i]] = values[i];
            }

            return JsonSerializer.Serialize(line) + "\n";
        }
    }

    private sealed class Csv : AuditExportWriter
    {
        public override string ContentType => "text/csv; charset=utf-8";

        public override string Extension => "csv";

        public override string Header => string.Join(',', Columns) + "\r\n";

        public override string Line(AuditExportRow row) => string.Join(',', Values(row).Select(Cell)) + "\r\n";

        // RFC 4180 quoting; a leading = + - @ (or tab/CR) is prefixed with ' so no spreadsheet evaluates it.
        private static string Cell(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return "";
            }

            if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                value = "'" + value;
            }

            return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }
    }
}
