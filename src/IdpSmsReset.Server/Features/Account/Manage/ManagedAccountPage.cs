using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>The signed-in user of an account page; a cookie whose user is gone or may no longer sign in is treated as signed out.</summary>
public abstract class ManagedAccountPage(SignInManager<ApplicationUser> signIn) : PageModel
{
    protected UserManager<ApplicationUser> Users => signIn.UserManager;

    protected async Task<ApplicationUser?> CurrentUserAsync() => (await CurrentSessionAsync())?.User;

    private protected Task<SignedInSession?> CurrentSessionAsync() => SignedInSession.ReadAsync(HttpContext, signIn);

    protected IActionResult SignInAgain() => Challenge();
}
