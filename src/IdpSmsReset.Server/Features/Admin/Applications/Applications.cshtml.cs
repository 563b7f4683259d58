using IdpSmsReset.Core.Administration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>The OIDC applications (clients); delete one, with its tokens and authorizations.</summary>
public sealed class ApplicationsModel(ApplicationDirectory directory, IOpenIddictApplicationManager applications,
    AdminChanges changes) : PageModel
{
    public IReadOnlyList<OpenIddictEntityFrameworkCoreApplication> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() =>
        Rows = await directory.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDeleteAsync(string clientId)
    {
        if (await applications.FindByClientIdAsync(clientId, HttpContext.RequestAborted) is not { } application)
        {
            Notice = $"There is no application '{clientId}'.";
            return RedirectToPage();
        }

        await applications.DeleteAsync(application, HttpContext.RequestAborted);
        await directory.RecordChangeAsync(HttpContext.RequestAborted);
        await changes.WriteAsync(AdminEventTypes.ApplicationDeleted, null, new { clientId }, null, HttpContext.RequestAborted);
        Notice = $"The application '{clientId}' was deleted; its tokens no longer work.";
        return RedirectToPage();
    }
}
