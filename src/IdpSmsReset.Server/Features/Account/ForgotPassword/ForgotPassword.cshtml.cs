using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

/// <summary>The first step of "Forgot password?": the name of the account. The answer never says whether it exists.</summary>
public sealed class ForgotPasswordModel(
    PasswordResetStarter resets, PasswordResetAvailability availability, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string NotAvailable =
        "Passwords cannot be reset on this page. Contact your administrator, who can reset your password or send you a reset code.";
    public const string TooManyRequests =
        "Too many password resets were started from your network in the last hour. Try again later, or contact your administrator.";

    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Available { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Available = await availability.IsAvailableAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        Available = await availability.IsAvailableAsync(HttpContext.RequestAborted);
        if (!Available || !ModelState.IsValid)
        {
            return Page();
        }

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
        var (result, flow, browserKey) = await resets.StartAsync(Input.Login!, HttpContext.Connection.RemoteIpAddress?.ToString(),
            returnUrl, HttpContext.RequestAborted);
        if (result == PasswordResetStart.TooManyFromAddress)
        {
            ModelState.AddModelError(string.Empty, localizer[TooManyRequests]);
            return Page();
        }

        ResetFlowCookie.Write(HttpContext, flow!.Id, browserKey!, flow.ExpiresAt);
        return RedirectToPage("/Account/ForgotPassword/Method");
    }
}
