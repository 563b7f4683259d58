using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using IdpSmsReset.Server.Features.Account.Passkeys;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

/// <summary>The second step of a sign-in: an authenticator app code, an SMS code, or a recovery code.</summary>
public sealed class SecondFactorModel(
    PendingSignIn pending,
    SignInJourney journey,
    SignInEligibility eligibility,
    SignInCodes smsCodes,
    AuthenticatorService authenticator,
    RecoveryCodeService recoveryCodes,
    IdpUserManager users,
    SessionSignIn sessions,
    AccountMessages messages,
    IdpMetrics metrics,
    PasskeyCeremonies passkeys,
    ILogger<SecondFactorModel> logger) : PageModel
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

        if (Method == SecondFactorMethod.Sms && NextSendAt is not null)
        {
            Notice = messages.CodeSentTo(Factors.SmsPhone!);
        }

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
        var sent = await smsCodes.SendAsync(user, Factors.SmsPhone!, HttpContext.RequestAborted);
        Notice = messages.SmsSent(sent);
        NextSendAt = await smsCodes.NextSendAtAsync(user, HttpContext.RequestAborted);
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

        var problem = await CheckCodeAsync(user, Input.Code);
        if (problem is null)
        {
            metrics.SecondFactorChecked(Method!, "accepted");
            await users.ResetSecondFactorFailuresAsync(user);
            await pending.EndAsync();
            await sessions.SignInAsync(user, SignInJourney.AfterSecondFactor(Method!).Amr);
            return LocalRedirect(SafeReturnUrl);
        }

        logger.SecondFactorRefused(user.Id, Method!);
        metrics.SecondFactorChecked(Method!, "refused");
        await users.SecondFactorFailedAsync(user);
        if (!await eligibility.MaySignInAsync(user))
        {
            logger.SecondFactorLockedOut(user.Id);
            await pending.EndAsync();
            LockedOut = messages.Lockout(user.LockoutEnd);
            return Page();
        }

        ModelState.AddModelError("Input.Code", problem);
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
        if (await passkeys.VerifyAsync(Credential ?? "", user, HttpContext.RequestAborted) is { } proof)
        {
            metrics.SecondFactorChecked(Method, "accepted");
            await users.ResetSecondFactorFailuresAsync(user);
            await pending.EndAsync();
            await sessions.SignInAsync(user, SignInJourney.AfterPasskey(proof.KeyAmr).Amr);
            return LocalRedirect(SafeReturnUrl);
        }

        logger.SecondFactorRefused(user.Id, Method);
        metrics.SecondFactorChecked(Method, "refused");
        ModelState.AddModelError(string.Empty, Passkeys.PasskeyTexts.NotAccepted);
        return Page();
    }

    /// <summary>Null when the code is right; otherwise the message for the code field.</summary>
    private async Task<string?> CheckCodeAsync(ApplicationUser user, string code)
    {
        var cancellationToken = HttpContext.RequestAborted;
        switch (Method)
        {
            case SecondFactorMethod.Sms:
                var check = await smsCodes.CheckAsync(user, code, cancellationToken);
                return check.IsAccepted ? null : messages.SmsCode(check);
            case SecondFactorMethod.Recovery:
                return await recoveryCodes.RedeemAsync(user.Id, code, cancellationToken) ? null : WrongRecoveryCode;
            default:
                return await authenticator.VerifyAsync(user.Id, code, cancellationToken) ? null : WrongAppCode;
        }
    }

    /// <summary>
    /// The user of the pending sign-in and what the journey says of it, with <see cref="Method"/> set to one the user
    /// can show. A pending sign-in the journey no longer sends here (the second factor stopped being due) starts again.
    /// </summary>
    private async Task<(ApplicationUser? User, SignInDecision Next)> LoadAsync()
    {
        var user = await pending.ReadAsync();
        if (user is null)
        {
            return (null, SignInJourney.Decide(null, []));
        }

        var next = await journey.NextAsync(user, [AuthenticationMethods.Password], HttpContext.RequestAborted);
        if (next.Factors is not { } factors)
        {
            return (user, next);
        }

        Factors = factors;
        Method = next.MethodOrPreferred(Method);
        if (Method == SecondFactorMethod.Sms && next.Offers(SecondFactorMethod.Sms))
        {
            NextSendAt = await smsCodes.NextSendAtAsync(user, HttpContext.RequestAborted);
        }

        return (user, next);
    }

    private IActionResult BackToLogin() => RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
}
