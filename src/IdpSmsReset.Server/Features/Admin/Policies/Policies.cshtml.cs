using IdpSmsReset.Server.Features.Shared.Confirmation;
using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Policies;

/// <summary>Every policy with how many users it governs; make one the default, or delete one nobody uses.</summary>
public sealed class PoliciesModel(
    PolicyDirectory directory, PolicyAdministration administration, AdminChanges changes, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public IReadOnlyList<(SecurityPolicy Policy, int Users)> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    [Confirm("The policy is deleted.", "Delete the policy")]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        var policy = await directory.FindAsync(id, HttpContext.RequestAborted);
        var deleted = await administration.DeleteAsync(id, changes.Current, HttpContext.RequestAborted);
        if (!deleted.Succeeded)
        {
            return await RefusedAsync(deleted);
        }

        Notice = localizer["The policy '{0}' was deleted.", policy!.Name];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMakeDefaultAsync(Guid id)
    {
        var policy = await directory.FindAsync(id, HttpContext.RequestAborted);
        if (policy is null)
        {
            return NotFound();
        }

        var made = await administration.MakeDefaultAsync(id, changes.Current, HttpContext.RequestAborted);
        if (!made.Succeeded)
        {
            return await RefusedAsync(made);
        }

        Notice = localizer["'{0}' is now the default policy: users without a policy of their own follow it.", policy.Name];
        return RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(CommandResult result)
    {
        ModelState.AddModelError(string.Empty, string.Join(" ",
            result.Problems.Select(p => p.Field == "id" ? localizer[p.Problem].Value : $"{p.Field}: {localizer[p.Problem]}")));
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Rows = await directory.WithUsersAsync(HttpContext.RequestAborted);
}
