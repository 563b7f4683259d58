using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

/// <summary>The second step of a sign-in: an authenticator app code, an SMS code, or a recovery code.</summary>
public sealed class SecondFactorModel(
    PendingSignIn pending,
    SecondFactorMethods methods,
    SignInCodes smsCodes,
    AuthenticatorService authenticator,
    RecoveryCodeService recoveryCodes,
    IdpUserManager users,
    SessionSignIn sessions,
    AccountMessages messages) : PageModel
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
        var user = await LoadAsync();
        if (user is null)
        {
            return BackToLogin();
        }

        if (Factors.NeedsEnrolment)
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
        var user = await LoadAsync();
        if (user is null)
        {
            return BackToLogin();
        }

        if (!Factors.CanUseSms)
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
        var user = await LoadAsync();
        if (user is null)
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
            await users.ResetSecondFactorFailuresAsync(user);
            await pending.EndAsync();
            var factor = Method == SecondFactorMethod.Sms ? AuthenticationMethods.Sms : AuthenticationMethods.OneTimePassword;
            await sessions.SignInAsync(user, AuthenticationMethods.WithSecondFactor(factor));
            return LocalRedirect(SafeReturnUrl);
        }

        await users.SecondFactorFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            await pending.EndAsync();
            LockedOut = messages.Lockout(user.LockoutEnd);
            return Page();
        }

        ModelState.AddModelError("Input.Code", problem);
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

    /// <summary>The user of the pending sign-in and their factors, with <see cref="Method"/> set to one they can use.</summary>
    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await pending.ReadAsync();
        if (user is null)
        {
            return null;
        }

        Factors = await methods.ForUserAsync(user, HttpContext.RequestAborted);
        var usable = Method switch
        {
            SecondFactorMethod.App or SecondFactorMethod.Recovery => Factors.HasAuthenticator,
            SecondFactorMethod.Sms => Factors.CanUseSms,
            _ => false,
        };
        if (!usable)
        {
            Method = Factors.HasAuthenticator ? SecondFactorMethod.App : SecondFactorMethod.Sms;
        }

        if (Method == SecondFactorMethod.Sms && Factors.CanUseSms)
        {
            NextSendAt = await smsCodes.NextSendAtAsync(user, HttpContext.RequestAborted);
        }

        return user;
    }

    private IActionResult BackToLogin() => RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
}
