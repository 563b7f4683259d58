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

    public async Task<IActionResult> OnGetAsync() =>
        await cookie.ReadAsync(HttpContext) is { } flow && flow.Allows(PasswordResetTransition.Complete) ? Page()
            : MethodModel.StartOver(this);

    public async Task<IActionResult> OnPostAsync()
    {
        var flow = await cookie.ReadAsync(HttpContext);
        if (flow is null || !flow.Allows(PasswordResetTransition.Complete))
        {
            return MethodModel.StartOver(this);
        }

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
        var hasPasskeys = flow.UserId is { } userId && await users.FindByIdAsync(userId) is { } user
            && (await users.GetPasskeysAsync(user)).Count > 0;
        return RedirectToPage("/Account/Login/Login", new
        {
            ReturnUrl = hasPasskeys ? Manage.PasskeysModel.ReviewPath(flow.ReturnUrl) : flow.ReturnUrl,
        });
    }
}
