using IdpSmsReset.Server.Features.Shared.Confirmation;
using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications.Registration;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>The OIDC applications (clients); delete one, with its tokens and authorizations.</summary>
public sealed class ApplicationsModel(
    ApplicationDirectory directory, ApplicationAdministration administration, ClientRegistrations registrations, AdminChanges changes,
    IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public IReadOnlyList<OpenIddictEntityFrameworkCoreApplication> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The applications among the rows that registered themselves (RFC 7591), by client id.</summary>
    public IReadOnlyDictionary<string, DynamicRegistration> Registered { get; private set; } =
        new Dictionary<string, DynamicRegistration>();

    public async Task OnGetAsync()
    {
        Rows = await directory.ListAsync(HttpContext.RequestAborted);
        Registered = (await registrations.FindAsync([.. Rows.Select(row => row.ClientId!)], HttpContext.RequestAborted))
            .ToDictionary(registration => registration.ClientId);
    }

    [Confirm(
        "The application is deleted: it can no longer sign anyone in, and every token issued to it stops working.",
        "Delete the application")]
    public async Task<IActionResult> OnPostDeleteAsync(string clientId)
    {
        Notice = await administration.DeleteAsync(clientId, changes.Current, HttpContext.RequestAborted)
            ? localizer["The application '{0}' was deleted; its tokens no longer work.", clientId]
            : localizer["There is no application '{0}'.", clientId];
        return RedirectToPage();
    }
}
