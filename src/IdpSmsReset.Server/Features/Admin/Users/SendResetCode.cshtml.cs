using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>
/// Helpdesk: send a user a password reset code, through the same flow and limits as "Forgot password?". Unlike the
/// user, the administrator is told exactly why a code cannot be sent.
/// </summary>
public sealed class SendResetCodeModel(
    IdpUserManager users, PasswordResetEligibility eligibility, PasswordResetStarter resets, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    public string? Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await users.FindByNameAsync(UserName.Trim());
        if (user is null)
        {
            ModelState.AddModelError(nameof(UserName),
                string.IsNullOrWhiteSpace(UserName)
                    ? localizer["Enter the user's username."]
                    : localizer["There is no user '{0}'.", UserName]);
            return Page();
        }

        var check = await eligibility.CheckAsync(user, HttpContext.RequestAborted);
        if (!check.IsEligible)
        {
            ModelState.AddModelError(nameof(UserName),
                localizer["No code can be sent to {0}: {1}", user.UserName!, localizer[check.Reason]]);
            return Page();
        }

        await resets.IssueByAdministratorAsync(user, User.Identity!.Name!, HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestAborted);
        Sent = localizer["A reset code is on its way to {0} at {1}, with a link to enter it. The usual limits apply; the audit log"
            + " shows whether it was sent.",
            user.UserName!, PhoneNumberRules.Mask(check.Destination!)];
        return Page();
    }
}
