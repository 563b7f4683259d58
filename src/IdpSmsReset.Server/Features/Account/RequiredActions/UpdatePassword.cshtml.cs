using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Server.Features.Account.ForgotPassword;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.RequiredActions;

/// <summary>
/// A user whose password was set by someone else (a temporary one, the first administrator's) chooses their own, right
/// after proving who they are and before any application gets a code. Reached only with a pending sign-in.
/// </summary>
public sealed class UpdatePasswordModel(SignInProgress progress, RequiredActionProgress requiredActions) : PageModel
{
    public const string Explanation = "Your password was set by an administrator. Choose your own to continue.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>Whose policy's rules the page states.</summary>
    public Core.Users.ApplicationUser? PasswordOwner { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        PasswordOwner = (await progress.PendingWithProofAsync()).User;
        return PasswordOwner is not null && Core.SignIn.RequiredActions.Has(PasswordOwner, Core.SignIn.RequiredActions.UpdatePassword)
            ? Page()
            : RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, proved) = await progress.PendingWithProofAsync();
        if (user is null || proved.Count == 0)
        {
            return RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
        }

        PasswordOwner = user;

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await requiredActions.UpdatePasswordAsync(user, Input.NewPassword!,
            HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("Input.NewPassword", error.Description);
            }

            return Page();
        }

        return this.ContinueSignIn(await progress.CompleteAsync(user, proved, HttpContext.RequestAborted), SafeReturnUrl);
    }
}
