using IdpSmsReset.Core.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>The OIDC applications (clients); delete one, with its tokens and authorizations.</summary>
public sealed class ApplicationsModel(ApplicationDirectory directory, ApplicationAdministration administration, AdminChanges changes)
    : PageModel
{
    public IReadOnlyList<OpenIddictEntityFrameworkCoreApplication> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() =>
        Rows = await directory.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDeleteAsync(string clientId)
    {
        Notice = await administration.DeleteAsync(clientId, changes.Current, HttpContext.RequestAborted)
            ? $"The application '{clientId}' was deleted; its tokens no longer work."
            : $"There is no application '{clientId}'.";
        return RedirectToPage();
    }
}
