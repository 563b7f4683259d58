using IdpSmsReset.Core.Recovery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

/// <summary>How to receive the code. The same choices for every name typed: which accounts can use SMS is not shown.</summary>
public sealed class MethodModel(ResetFlowCookie cookie, PasswordResetService resets) : PageModel
{
    public const string Sms = "sms";
    public const string Administrator = "administrator";
    public const string StartAgain = "This password reset is no longer valid. Start again.";
    public const string AskAdministrator =
        "Contact your administrator: they can reset your password, or send a reset code to your phone.";

    [BindProperty]
    public string? Choice { get; set; }

    public bool ShowAdministratorHelp { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await cookie.ReadAsync(HttpContext) is null ? StartOver(this) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var flow = await cookie.ReadAsync(HttpContext);
        if (flow is null)
        {
            return StartOver(this);
        }

        if (Choice == Administrator)
        {
            ShowAdministratorHelp = true;
            return Page();
        }

        if (Choice != Sms)
        {
            ModelState.AddModelError(nameof(Choice), "Choose how to receive the code.");
            return Page();
        }

        // Asked again within the cooldown (back button, double click): the code already on its way will do.
        await resets.RequestCodeAsync(flow, HttpContext.RequestAborted);
        return RedirectToPage("/Account/ForgotPassword/ResetCode");
    }

    /// <summary>Back to the first step, saying why, for a browser without a valid flow.</summary>
    public static IActionResult StartOver(PageModel page)
    {
        page.TempData["Notice"] = StartAgain;
        return page.RedirectToPage("/Account/ForgotPassword/ForgotPassword");
    }
}
