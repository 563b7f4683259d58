using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>Where a sign-in page goes once <see cref="SignInProgress"/> has carried a step out.</summary>
public static class SignInRedirects
{
    /// <summary>On to the application (<paramref name="returnUrl"/>, checked local), or to the page the sign-in needs.</summary>
    public static IActionResult ContinueSignIn(this PageModel page, string? nextPage, string returnUrl) =>
        nextPage is null ? page.LocalRedirect(returnUrl) : page.RedirectToPage(nextPage, new { ReturnUrl = returnUrl });
}
