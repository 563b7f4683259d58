using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>
/// Changes the password under the user's policy. This browser stays signed in; every other session ends (the new
/// security stamp signs them out, and their session records are closed at once).
/// </summary>
[Authorize]
public sealed class PasswordModel(SignInManager<ApplicationUser> signIn, SessionCookies sessionCookies, PasswordChange passwordChange,
    SignInEligibility eligibility, AccountMessages messages)
    : ManagedAccountPage(signIn)
{
    public const string Changed = "Your password was changed. You were signed out everywhere else.";

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whose policy's rules the page states.</summary>
    public ApplicationUser PasswordOwner => CurrentUser;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = CurrentUser;

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.NewPassword";
                ModelState.AddModelError(field,
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? messages.PasswordWrong : error.Description);
            }

            if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await Users.AccessFailedAsync(user);
                if (!await eligibility.MaySignInAsync(user))
                {
                    ModelState.AddModelError(string.Empty, messages.Lockout(user.LockoutEnd));
                }
            }

            return Page();
        }

        await passwordChange.AppliedAsync(user, keepSession: Session.SessionId, AuditEventTypes.PasswordChanged, user.UserName ?? user.Id,
            HttpContext.Connection.RemoteIpAddress?.ToString(), "Changed on the account page.", HttpContext.RequestAborted);
        await sessionCookies.RenewAsync(user);
        Notice = Changed;
        // A passkey signs in without the password: whoever planted one keeps it through the change, so the user reviews them.
        return (await Users.GetPasskeysAsync(user)).Count > 0
            ? LocalRedirect(PasskeysModel.ReviewPath(next: null))
            : RedirectToPage("/Account/Manage/Overview");
    }
}

public sealed class PasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    [Display(Name = "Current password")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Enter a new password.")]
    [Display(Name = "New password")]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password again.")]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
    [Display(Name = "New password again")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
