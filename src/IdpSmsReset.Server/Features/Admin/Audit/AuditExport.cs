using System.Text;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.Server.Features.Admin.Audit;

/// <summary>
/// <c>GET /admin/audit/export?from=&amp;to=&amp;type=&amp;user=&amp;actor=&amp;format=jsonl|csv</c>, for
/// administrators: the events the audit page's filters select, oldest first, streamed as they are read (memory stays
/// flat however long the range, see <see cref="AdminLogs.AuditExport"/>). Dates are UTC days (<c>yyyy-MM-dd</c>),
/// <c>to</c> included. A bad filter is refused (400) with what is wrong, rather than exporting something other than
/// what was asked.
/// </summary>
public static class AuditExport
{
    public const string Path = "/admin/audit/export";

    private const string Refused = "cannot be used";

    // Rows between flushes: the client sees data early, the server holds only this many lines' worth of bytes.
    private const int FlushEvery = 1000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization(AdminAccess.Policy);
        return endpoints;
    }

    internal static async Task ExportAsync(HttpContext context, AdminLogs logs, TimeProvider time, string? format, string? from,
        string? to, string? type, string? user, string? actor)
    {
        string? problem = null;
        var writer = AuditExportWriter.For(format);
        if (writer is null)
        {
            problem = "format must be jsonl or csv.";
        }

        var fromDate = ListQuery.Date(from, "from", ref problem, Refused);
        var toDate = ListQuery.Date(to, "to", ref problem, Refused);
        if (!string.IsNullOrWhiteSpace(type) && !AuditEventCatalogue.Contains(type.Trim()))
        {
            problem = $"{problem} '{type}' is no event type (see README, \"Audit events\").".Trim();
        }

        if (problem is not null)
        {
            await Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest)
                .ExecuteAsync(context);
            return;
        }

        var filter = new AuditFilter(type, user, actor, fromDate, toDate?.AddDays(1));
        context.Response.ContentType = writer!.ContentType;
        context.Response.Headers.ContentDisposition =
            $"attachment; filename=\"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.{writer.Extension}\"";
        context.Response.Headers.CacheControl = "no-store";

        await using var output = new StreamWriter(context.Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024);
        if (writer.Header is { } header)
        {
            await output.WriteAsync(header);
        }

        var written = 0;
        await foreach (var row in logs.AuditExport(filter, context.RequestAborted))
        {
            // Kestrel allows no synchronous write: a full buffer must be flushed asynchronously.
            await output.WriteAsync(writer.Line(row));
            if (++written % FlushEvery == 0)
            {
                await output.FlushAsync(context.RequestAborted);
            }
        }
    }
}
