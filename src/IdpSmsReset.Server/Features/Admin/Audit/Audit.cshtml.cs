using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Audit;

/// <summary>The audit log, newest first, filtered by type, user (username) and date.</summary>
public sealed class AuditModel(IdpDbContext database) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToDate { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public string? PageText { get; set; }

    public int PageNumber { get; private set; }

    public IReadOnlyList<(AuditEvent Event, string? SubjectName)> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public string? FilterProblem { get; private set; }

    public async Task OnGetAsync()
    {
        var events = database.Set<AuditEvent>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Type))
        {
            events = events.Where(e => e.Type == Type.Trim());
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var normalized = UserName.Trim().ToUpperInvariant();
            var ids = database.Users.Where(user => user.NormalizedUserName == normalized).Select(user => user.Id);
            events = events.Where(e => ids.Contains(e.SubjectUserId!));
        }

        string? problem = null;
        if (ListQuery.Date(FromDate, "from", ref problem) is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (ListQuery.Date(ToDate, "to", ref problem) is { } to)
        {
            var end = to.AddDays(1);
            events = events.Where(e => e.OccurredAt < end);
        }

        FilterProblem = problem;
        PageNumber = ListQuery.Page(PageText);
        var page = await events.OrderByDescending(e => e.OccurredAt)
            .Skip((PageNumber - 1) * ListQuery.PageSize).Take(ListQuery.PageSize + 1).ToListAsync(HttpContext.RequestAborted);
        HasMore = page.Count > ListQuery.PageSize;
        var shown = page.Take(ListQuery.PageSize).ToList();
        var subjectIds = shown.Select(e => e.SubjectUserId).OfType<string>().Distinct().ToList();
        var names = await database.Users.Where(user => subjectIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.UserName, HttpContext.RequestAborted);
        Rows = shown.Select(e => (e, e.SubjectUserId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
    }
}
