using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Server.Features.Admin;
using IdpSmsReset.Server.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Api.Audit;

/// <summary>
/// <c>/api/v1/audit</c>: the audit log as the dashboard filters it (type, user, actor, UTC days from and to), newest
/// first with a cursor; and <c>/api/v1/audit/export</c>, the dashboard's own export (JSON lines or CSV, streamed).
/// Reading only: <c>idp:admin:read</c> or <c>idp:admin</c>.
/// </summary>
internal static class AuditEndpoints
{
    public const string Path = "/api/v1/audit";

    private const int DefaultLimit = 100;
    private const int MaxLimit = 500;

    public sealed record AuditEventResource(Guid Id, DateTime OccurredAt, string Type, string Outcome, string Actor,
        string? SubjectUserId, string? IpAddress, string? UserAgent, string? ClientId, string? Details);

    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup(Path).WithTags("Audit")
            .RequireScope(ApplicationVocabulary.AdminScope, ApplicationVocabulary.AdminReadScope);
        audit.MapGet("", ListAsync).WithName("ListAuditEvents").Produces<ApiAnswers.Page<AuditEventResource>>();
        audit.MapGet("/export", AuditExport.ExportAsync).WithName("ExportAuditEvents")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson", "text/csv");
        return audit;
    }

    private static async Task<IResult> ListAsync(HttpContext context, AdminLogs logs, string? type, string? user, string? actor,
        string? from, string? to, int? limit, string? cursor)
    {
        string? problem = null;
        var fromDate = ListQuery.Date(from, "from", ref problem, "cannot be used");
        var toDate = ListQuery.Date(to, "to", ref problem, "cannot be used");
        if (!string.IsNullOrWhiteSpace(type) && !AuditEventCatalogue.Contains(type.Trim()))
        {
            problem = $"{problem} '{type}' is no event type (see README, \"Audit events\").".Trim();
        }

        (DateTime At, Guid Id)? after = null;
        if (cursor is not null)
        {
            if (ApiCursor.TryRead(cursor, out var at, out var id))
            {
                after = (at, id);
            }
            else
            {
                problem = $"{problem} The cursor is not one this API gave.".Trim();
            }
        }

        if (problem is not null)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "invalid-filter", problem);
        }

        var size = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var events = logs.AuditEvents(new AuditFilter(type, user, actor, fromDate, toDate?.AddDays(1)));
        if (after is { } last)
        {
            events = events.Where(e => e.OccurredAt < last.At || (e.OccurredAt == last.At && e.Id.CompareTo(last.Id) < 0));
        }

        var rows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(size + 1)
            .ToListAsync(context.RequestAborted);
        var items = rows.Take(size).Select(e => new AuditEventResource(e.Id, e.OccurredAt, e.Type, AuditEventCatalogue.OutcomeOf(e.Type),
            e.Actor, e.SubjectUserId, e.IpAddress, e.UserAgent, e.ClientId, e.Details)).ToList();
        var next = rows.Count > size
            ? $"{Path}?limit={size}&cursor={ApiCursor.Of(rows[size - 1].OccurredAt, rows[size - 1].Id)}"
                + Carried(("type", type), ("user", user), ("actor", actor), ("from", from), ("to", to))
            : null;
        return Results.Ok(new ApiAnswers.Page<AuditEventResource>(items, next));
    }

    private static string Carried(params (string Name, string? Value)[] filters) =>
        string.Concat(filters.Where(filter => !string.IsNullOrWhiteSpace(filter.Value))
            .Select(filter => $"&{filter.Name}={Uri.EscapeDataString(filter.Value!)}"));
}
