using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account.Passkeys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

/// <summary>The second step of a sign-in: an authenticator app code, an SMS code, or a recovery code.</summary>
public sealed class SecondFactorModel(
    SignInProgress progress,
    SecondFactorCheck check,
    AccountMessages messages,
    PasskeyCeremonies passkeys) : PageModel
{
    public const string EnterCode = "Enter the code.";
    public const string WrongAppCode = "That code is not correct. Enter the current code from your authenticator app.";
    public const string WrongRecoveryCode = "That recovery code is not correct or has already been used.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Method { get; set; }

    [BindProperty]
    public SecondFactorInput Input { get; set; } = new();

    /// <summary>The browser's answer to the passkey request (JSON), filled in by the page's script.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    public UserSecondFactors Factors { get; private set; } = null!;

    /// <summary>Said above the form: a code was sent, or why not.</summary>
    public string? Notice { get; private set; }

    /// <summary>When the user may ask for another SMS code (null: now).</summary>
    public DateTimeOffset? NextSendAt { get; private set; }

    /// <summary>Set when wrong codes locked the account: the sign-in is over.</summary>
    public string? LockedOut { get; private set; }

    public string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, next) = await LoadAsync();
        if (user is null || next.Step is not (SignInStep.SecondFactor or SignInStep.Enrol))
        {
            return BackToLogin();
        }

        if (next.Step == SignInStep.Enrol)
        {
            return RedirectToPage("/Account/SecondFactor/Enrol", new { ReturnUrl = SafeReturnUrl });
        }

        // The page's instruction already names where the code went: no notice repeats it.
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        var (user, next) = await LoadAsync();
        if (user is null || next.Step != SignInStep.SecondFactor)
        {
            return BackToLogin();
        }

        if (!next.Offers(SecondFactorMethod.Sms))
        {
            return RedirectToPage(new { ReturnUrl = SafeReturnUrl });
        }

        Method = SecondFactorMethod.Sms;
        var sent = await check.SendSmsAsync(user, Factors.SmsPhone!, HttpContext.RequestAborted);
        Notice = sent.Status == SmsChallengeSendStatus.Sent ? messages.NewCodeSent : messages.SmsSent(sent);
        NextSendAt = await check.NextSmsAtAsync(user, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var (user, next) = await LoadAsync();
        if (user is null || next.Step != SignInStep.SecondFactor)
        {
            return BackToLogin();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Input.Code))
        {
            ModelState.AddModelError("Input.Code", EnterCode);
            return Page();
        }

        var verdict = await check.VerifyCodeAsync(user, Method!, Input.Code, HttpContext.RequestAborted);
        if (verdict.IsAccepted)
        {
            return this.ContinueSignIn(await progress.CompleteAsync(user, verdict.Amr, HttpContext.RequestAborted), SafeReturnUrl);
        }

        if (verdict.Outcome == SecondFactorOutcome.LockedOut)
        {
            await progress.AbandonAsync();
            LockedOut = messages.Lockout(user.LockoutEnd);
            return Page();
        }

        ModelState.AddModelError("Input.Code", verdict.Sms is { } sms ? messages.SmsCode(sms)
            : verdict.Outcome == SecondFactorOutcome.Malformed ? messages.MalformedAppCode
            : Method == SecondFactorMethod.Recovery ? WrongRecoveryCode
            : WrongAppCode);
        return Page();
    }

    /// <summary>The passkey request for the browser: the pending user's passkeys only.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var (user, next) = await LoadAsync();
        return user is null || !next.Offers(SecondFactorMethod.Passkey)
            ? BadRequest()
            : Content(await passkeys.RequestOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        var (user, next) = await LoadAsync();
        if (user is null || next.Step != SignInStep.SecondFactor || !next.Offers(SecondFactorMethod.Passkey))
        {
            return BackToLogin();
        }

        Method = SecondFactorMethod.Passkey;
        var proof = await passkeys.VerifyAsync(Credential ?? "", user, HttpContext.RequestAborted);
        var verdict = await check.PasskeyAsync(user, proof?.KeyAmr);
        if (verdict.IsAccepted)
        {
            return this.ContinueSignIn(await progress.CompleteAsync(user, verdict.Amr, HttpContext.RequestAborted), SafeReturnUrl);
        }

        ModelState.AddModelError(string.Empty, Passkeys.PasskeyTexts.NotAccepted);
        return Page();
    }

    /// <summary>
    /// The user of the pending sign-in and what the journey says of it, with <see cref="Method"/> set to one the user
    /// can show. A pending sign-in the journey no longer sends here (the second factor stopped being due) starts again.
    /// </summary>
    private async Task<(ApplicationUser? User, SignInDecision Next)> LoadAsync()
    {
        var user = await progress.PendingUserAsync();
        if (user is null)
        {
            return (null, SignInJourney.Decide(null, []));
        }

        var state = await check.StateAsync(user, Method, HttpContext.RequestAborted, await progress.PendingDemandsSecondFactorAsync());
        if (state.Next.Factors is { } factors)
        {
            Factors = factors;
            Method = state.Method;
            NextSendAt = state.NextSendAt;
        }

        return (user, state.Next);
    }

    private IActionResult BackToLogin() => RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
}

public sealed class SecondFactorInput
{
    [Display(Name = "Code")]
    [StringLength(32, ErrorMessage = "A code is at most 32 characters long.")]
    public string? Code { get; set; }
}
