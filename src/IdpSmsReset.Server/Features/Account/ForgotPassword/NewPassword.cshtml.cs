using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

/// <summary>
/// The new password, under the user's policy. Afterwards the user signs in again (no automatic sign-in: the second
/// factor the policy requires still applies) and lands where the reset started.
/// </summary>
public sealed class NewPasswordModel(
    ResetFlowCookie cookie, PasswordResetService resets, AccountMessages messages, UserManager<ApplicationUser> users) : PageModel
{
    public const string Changed = "Your password was changed, and you were signed out everywhere. Sign in with your new password.";

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    /// <summary>Whose policy's rules the page states: the code was right, so the flow names the user.</summary>
    public ApplicationUser? PasswordOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var flow = await cookie.ReadAsync(HttpContext);
        if (flow is null || !flow.Allows(PasswordResetTransition.Complete))
        {
            return MethodModel.StartOver(this);
        }

        PasswordOwner = flow.UserId is { } userId ? await users.FindByIdAsync(userId) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var flow = await cookie.ReadAsync(HttpContext);
        if (flow is null || !flow.Allows(PasswordResetTransition.Complete))
        {
            return MethodModel.StartOver(this);
        }

        PasswordOwner = flow.UserId is { } owner ? await users.FindByIdAsync(owner) : null;

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await resets.CompleteAsync(flow, Input.NewPassword!, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Over ? [messages.ResetOver] : result.PasswordProblems)
            {
                ModelState.AddModelError("Input.NewPassword", problem);
            }

            return Page();
        }

        ResetFlowCookie.Delete(HttpContext);
        TempData["Notice"] = Changed;
        // A passkey signs in without the password and outlives the reset: after signing in, the user reviews them first.
        var hasPasskeys = PasswordOwner is { } user && (await users.GetPasskeysAsync(user)).Count > 0;
        return RedirectToPage("/Account/Login/Login", new
        {
            ReturnUrl = hasPasskeys ? Manage.PasskeysModel.ReviewPath(flow.ReturnUrl) : flow.ReturnUrl,
        });
    }
}

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Enter a new password.")]
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [Display(Name = "New password again")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
