using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>Users, searched by name, email or display name, a page at a time. Any query string is taken as a search, never an error.</summary>
public sealed class UsersModel(IdpDbContext database) : PageModel
{
    public const int PageSize = 25;

    public string? Search { get; private set; }

    public int PageNumber { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<ApplicationUser> Rows { get; private set; } = [];

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? search, string? p)
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, 256)];
        var users = database.Users.AsNoTracking();
        if (Search is { } term)
        {
            var normalized = term.ToUpperInvariant();
            users = users.Where(user => user.NormalizedUserName!.Contains(normalized) || user.NormalizedEmail!.Contains(normalized)
                || (user.DisplayName != null && user.DisplayName.Contains(term)));
        }

        Total = await users.CountAsync(HttpContext.RequestAborted);
        PageNumber = Math.Min(ListQuery.Page(p), LastPage);
        Rows = await users.OrderBy(user => user.NormalizedUserName).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
    }
}
