using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Audit;

/// <summary>The audit log, newest first, filtered by type, user (username) and date.</summary>
public sealed class AuditModel(AdminLogs logs) : FilteredListPage
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    public IReadOnlyList<(AuditEvent Event, string? SubjectName)> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var events = logs.AuditEvents(Type, UserName);
        var shown = await PageOfAsync(WithinDates(events, e => e.OccurredAt).OrderByDescending(e => e.OccurredAt));
        var subjectIds = shown.Select(e => e.SubjectUserId).OfType<string>().Distinct().ToList();
        var names = await logs.UserNamesAsync(subjectIds, HttpContext.RequestAborted);
        Rows = shown.Select(e => (e, e.SubjectUserId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
    }
}
