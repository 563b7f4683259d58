using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Admin.Audit;

/// <summary>The audit log, newest first, filtered by type, user (username), actor and date; exported with the same filters.</summary>
public sealed class AuditModel(AdminLogs logs) : FilteredListPage
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    public IReadOnlyList<(AuditEvent Event, string? SubjectName)> Rows { get; private set; } = [];

    /// <summary>This page's filters as a query string, for the pager.</summary>
    public string FilterQuery(int? page = null) =>
        Query(("p", page?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The export of what the filters select (every page of it).</summary>
    public string ExportUrl(string format) => AuditExport.Path + Query(("format", format));

    private string Query((string Name, string? Value) extra) => QueryString.Create(new Dictionary<string, string?>
    {
        ["type"] = Type, ["user"] = UserName, ["actor"] = Actor, ["from"] = FromDate, ["to"] = ToDate, [extra.Name] = extra.Value,
    }.Where(pair => !string.IsNullOrWhiteSpace(pair.Value))).ToString();

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Type) && !AuditEventCatalogue.Contains(Type.Trim()))
        {
            FilterProblem = $"'{Type}' is no event type; the type filter is ignored.";
            Type = null;
        }

        var events = logs.AuditEvents(new AuditFilter(Type, UserName, Actor));
        var shown = await PageOfAsync(WithinDates(events, e => e.OccurredAt).OrderByDescending(e => e.OccurredAt));
        var subjectIds = shown.Select(e => e.SubjectUserId).OfType<string>().Distinct().ToList();
        var names = await logs.UserNamesAsync(subjectIds, HttpContext.RequestAborted);
        Rows = shown.Select(e => (e, e.SubjectUserId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
    }
}
