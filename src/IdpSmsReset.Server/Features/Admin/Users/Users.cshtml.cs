using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>Users, searched by name, email or display name, a page at a time. Any query string is taken as a search, never an
/// error.</summary>
public sealed class UsersModel(UserAdministration users) : PageModel
{
    public const int PageSize = 25;

    public string? Search { get; private set; }

    public int PageNumber { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<ApplicationUser> Rows { get; private set; } = [];

    /// <summary>Said once, after a user was deleted.</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(string? search, string? p)
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, 256)];
        (Total, Rows) = await users.SearchAsync(Search, total =>
        {
            Total = total;
            return PageNumber = Math.Min(ListQuery.Page(p), LastPage);
        }, PageSize, HttpContext.RequestAborted);
    }
}
