using System.Security.Claims;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account.Login;

public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn, UnknownAccountGuard unknownAccounts, SecurityPolicyService policies, TimeProvider time) : PageModel
{
    // One message for an unknown account and a wrong password: the page must not tell which.
    public const string InvalidCredentials = "The username or password is incorrect.";
    public const string LockedOut = "Too many failed attempts. Sign-in is locked";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => Input.UserName ??= LoginHintOf(ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await FindUserAsync(Input.UserName!);
        var (result, lockedUntil) = user is null
            ? unknownAccounts.CheckPassword(Input.UserName!, Input.Password!, (await policies.ForUserAsync(new ApplicationUser(), HttpContext.RequestAborted)).Lockout)
            : (await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true), user.LockoutEnd);

        if (result.Succeeded)
        {
            await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [new Claim(Claims.AuthenticationMethodReference, SignedInSession.PasswordMethod)]);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut ? LockedOutMessage(lockedUntil) : InvalidCredentials);
        return Page();
    }

    /// <summary>When to try again, in whole minutes (rounded up): the same words for a real and an unknown account.</summary>
    private string LockedOutMessage(DateTimeOffset? until)
    {
        var minutes = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes)) : 1;
        return $"{LockedOut} for {minutes} more minute{(minutes == 1 ? "" : "s")}; try again then.";
    }

    private async Task<ApplicationUser?> FindUserAsync(string login)
    {
        var users = signIn.UserManager;
        var byName = await users.FindByNameAsync(login);
        return byName ?? (login.Contains('@') ? await users.FindByEmailAsync(login) : null);
    }

    /// <summary>The <c>login_hint</c> of the authorization request the user came from, to save typing.</summary>
    private string? LoginHintOf(string? returnUrl)
    {
        if (!Url.IsLocalUrl(returnUrl))
        {
            return null;
        }

        var query = returnUrl.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? returnUrl[at..] : "";
        return QueryHelpers.ParseQuery(query).TryGetValue(Parameters.LoginHint, out var hint) ? hint.ToString() : null;
    }
}
