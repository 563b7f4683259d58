using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>
/// Disabling a user, confirmed on a page of its own that says what happens (it works without script): the command is
/// Core's (<see cref="UserAdministration.DisableAsync"/>); a refusal (one's own account, the last administrator) is said here.
/// </summary>
public sealed class DisableUserModel(UserAdministration administration, AdminChanges changes, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public ApplicationUser? Account { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = Id is null ? null : await administration.FindAsync(Id, HttpContext.RequestAborted);
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Account = Id is null ? null : await administration.FindAsync(Id, HttpContext.RequestAborted);
        if (Account is not { } user)
        {
            return NotFound();
        }

        var result = await administration.DisableAsync(user, changes.Current, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var (_, problem) in result.Problems)
            {
                ModelState.AddModelError(string.Empty, localizer[problem]);
            }

            return Page();
        }

        Notice = localizer["{0} is disabled: every session ended and every token was revoked.", user.UserName!];
        return RedirectToPage("/Admin/Users/EditUser", new { id = user.Id });
    }
}
