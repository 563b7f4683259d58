using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Audit;

/// <summary>The audit log, newest first, filtered by type, user (username) and date.</summary>
public sealed class AuditModel(IdpDbContext database) : FilteredListPage
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    public IReadOnlyList<(AuditEvent Event, string? SubjectName)> Rows { get; private set; } = [];

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

        var shown = await PageOfAsync(WithinDates(events, e => e.OccurredAt).OrderByDescending(e => e.OccurredAt));
        var subjectIds = shown.Select(e => e.SubjectUserId).OfType<string>().Distinct().ToList();
        var names = await database.Users.Where(user => subjectIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.UserName, HttpContext.RequestAborted);
        Rows = shown.Select(e => (e, e.SubjectUserId is { } id ? names.GetValueOrDefault(id) : null)).ToList();
    }
}
