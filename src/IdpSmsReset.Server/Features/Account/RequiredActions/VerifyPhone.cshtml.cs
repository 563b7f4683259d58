using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.RequiredActions;

/// <summary>
/// A user an administrator asked to verify a mobile number does so right after signing in, before any application gets
/// a code: the number (the one on file, or another) gets a code, and the right code saves it verified. Where the user's
/// policy has no SMS, nothing can be sent: the page says so and the sign-in goes on, the action left for later.
/// </summary>
public sealed class VerifyPhoneModel(SignInProgress progress, SecondFactorMethods methods, PhoneCodeStep phoneCode) : PageModel
{
    public const string Explanation = "Your administrator asks you to verify your mobile number. We will send a code to it.";
    public const string CannotSendNow = "Text messages cannot be sent to your account at the moment; you will be asked again later.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? PhoneNumber { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public bool CanSend { get; private set; }

    public bool CodeSent { get; private set; }

    public string? Notice { get; private set; }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await PendingAsync() is not var (user, _))
        {
            return ToLogin();
        }

        PhoneNumber ??= user.PhoneNumber;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (await PendingAsync() is not var (user, _))
        {
            return ToLogin();
        }

        if (CanSend)
        {
            Notice = await phoneCode.SendAsync(user, PhoneNumber, ModelState, nameof(PhoneNumber), HttpContext.RequestAborted);
            CodeSent = Notice is not null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (await PendingAsync() is not var (user, proved))
        {
            return ToLogin();
        }

        if (!await phoneCode.ConfirmAsync(user, Code, ModelState, nameof(Code), HttpContext.RequestAborted))
        {
            CodeSent = true;
            return Page();
        }

        return this.ContinueSignIn(await progress.CompleteAsync(user, proved, HttpContext.RequestAborted), SafeReturnUrl);
    }

    /// <summary>Only where nothing can be sent: the sign-in goes on, and the action waits for a later one.</summary>
    public async Task<IActionResult> OnPostLaterAsync()
    {
        if (await PendingAsync() is not var (user, proved))
        {
            return ToLogin();
        }

        return CanSend
            ? Page()
            : this.ContinueSignIn(await progress.CompleteAsync(user, proved, HttpContext.RequestAborted, skipPhone: true), SafeReturnUrl);
    }

    /// <summary>The pending sign-in that still owes this action, with what it proved; null otherwise.</summary>
    private async Task<(ApplicationUser User, IReadOnlyList<string> Proved)?> PendingAsync()
    {
        var (user, proved) = await progress.PendingWithProofAsync();
        if (user is null || proved.Count == 0 || user.PhoneNumberConfirmed
            || !Core.SignIn.RequiredActions.Has(user, Core.SignIn.RequiredActions.VerifyPhone))
        {
            return null;
        }

        CanSend = (await methods.ForUserAsync(user, HttpContext.RequestAborted)).CanEnrolPhone;
        return (user, proved);
    }

    private RedirectToPageResult ToLogin() => RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
}
