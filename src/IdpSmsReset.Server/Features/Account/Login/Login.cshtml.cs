using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Server.Features.Account.Passkeys;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using IdpSmsReset.Server.Features.Account.SecondFactor;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Server.Features.Connect;
using Microsoft.Extensions.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account.Login;

public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UnknownAccountGuard unknownAccounts,
    SecurityPolicyService policies,
    SignInJourney journey,
    SignInEligibility eligibility,
    SessionSignIn sessions,
    PendingSignIn pending,
    SignInCodes signInCodes,
    PasswordResetAvailability resetAvailability,
    IStringLocalizer<SharedResource> localizer,
    AccountMessages messages,
    IdpMetrics metrics,
    SignInFailures failures,
    PasswordlessAvailability passwordless,
    PasskeyCeremonies passkeys,
    ILogger<LoginModel> logger) : PageModel
{
    // One message for an unknown account and a wrong password: the page must not tell which.
    public const string InvalidCredentials = "The username or password is incorrect.";
    public const string PasswordlessNotAllowed = "Your account signs in with its password. Use it, then your passkey if asked.";
    public const string PasskeyNotVerified =
        "This passkey did not check that it was you (no PIN or fingerprint), so it cannot sign you in alone. Use your password.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Whether to offer "Forgot password?": the SMS factor is configured and some policy allows SMS reset.</summary>
    public bool ResetAvailable { get; private set; }

    /// <summary>Whether to offer "Sign in with a passkey": some policy allows passwordless sign-in.</summary>
    public bool PasskeyAvailable { get; private set; }

    /// <summary>The browser's answer to the passkey request (JSON), filled in by the page's script.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    /// <summary>Said once, after a password reset.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Input.UserName ??= LoginHintOf(ReturnUrl);
        await LoadOffersAsync();
    }

    /// <summary>A passkey request for anyone's passkey (the browser offers the ones it has for this server).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await passwordless.IsAvailableAsync(HttpContext.RequestAborted)
            ? Content(await passkeys.RequestOptionsAsync(user: null), "application/json")
            : BadRequest();

    /// <summary>
    /// Passwordless: the passkey alone signs in, where the user's policy allows it and the passkey verified the user
    /// (then it proves two factors, and meets a policy requiring MFA). Anything else is refused with what to do instead.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        await LoadOffersAsync();
        ModelState.Clear();
        var proof = PasskeyAvailable ? await passkeys.VerifyAsync(Credential ?? "", user: null, HttpContext.RequestAborted) : null;
        if (proof is null)
        {
            logger.PasskeyRefused("", "the passkey's answer did not check out");
            ModelState.AddModelError(string.Empty, localizer[Passkeys.PasskeyTexts.NotAccepted]);
            return Page();
        }

        var user = proof.User;
        var refusal = await eligibility.PasswordlessAsync(user, proof.UserVerified, HttpContext.RequestAborted) switch
        {
            PasswordlessRefusal.MayNotSignIn => (messages.Lockout(user.LockoutEnd), "locked out or not allowed to sign in"),
            PasswordlessRefusal.PolicyAsksForThePassword =>
                (localizer[PasswordlessNotAllowed].Value, "the user's policy does not allow passwordless sign-in"),
            PasswordlessRefusal.UserNotVerified => (localizer[PasskeyNotVerified].Value, "the passkey did not verify the user"),
            _ => default((string Message, string Reason)?),
        };
        if (refusal is { } refused)
        {
            logger.PasskeyRefused(" for user " + user.Id, refused.Reason);
            metrics.SignIn("passkey_refused");
            ModelState.AddModelError(string.Empty, refused.Message);
            return Page();
        }

        var amr = AuthenticationMethods.Passwordless(proof.KeyAmr);
        logger.PasskeySignedIn(user.Id, string.Join(' ', amr));
        metrics.SignIn("success");
        await sessions.SignInAsync(user, amr);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private async Task LoadOffersAsync()
    {
        ResetAvailable = await resetAvailability.IsAvailableAsync(HttpContext.RequestAborted);
        PasskeyAvailable = await passwordless.IsAvailableAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadOffersAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByNameOrEmailAsync(Input.UserName!);
        var (result, lockedUntil) = user is null
            ? await unknownAccounts.CheckPasswordAsync(
                Input.UserName!, Input.Password!, (await policies.ForUserAsync(new ApplicationUser(), HttpContext.RequestAborted)).Lockout,
                    HttpContext.RequestAborted)
            : (await signIn.CheckPasswordSignInAsync(user, Input.Password!, lockoutOnFailure: true), user.LockoutEnd);

        if (result.Succeeded)
        {
            return await ContinueAfterPasswordAsync(user!);
        }

        LogRefusal(user, result);
        await failures.RecordAsync(HttpContext.RequestAborted);
        // The same words for a real and an unknown account.
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? messages.Lockout(lockedUntil) : localizer[InvalidCredentials]);
        return Page();
    }

    /// <summary>Signs the user in, or, where the journey says a second factor is due, holds the sign-in until it is shown.</summary>
    private async Task<IActionResult> ContinueAfterPasswordAsync(ApplicationUser user)
    {
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        var next = await journey.NextAsync(user, [AuthenticationMethods.Password], HttpContext.RequestAborted);
        logger.PasswordAccepted(user.Id, next.Step);
        metrics.SignIn(next.IsDone ? "success" : "mfa_required");
        if (next.IsDone)
        {
            await sessions.SignInAsync(user, next.Amr);
            return LocalRedirect(returnUrl);
        }

        await pending.StartAsync(user);
        if (next.Step == SignInStep.Enrol)
        {
            return RedirectToPage("/Account/SecondFactor/Enrol", new { ReturnUrl = returnUrl });
        }

        if (next.SendsSmsAtOnce)
        {
            await signInCodes.SendAsync(user, next.Factors!.SmsPhone!, HttpContext.RequestAborted);
        }

        return RedirectToPage("/Account/SecondFactor/SecondFactor", new { ReturnUrl = returnUrl });
    }

    private void LogRefusal(ApplicationUser? user, Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (user is null)
        {
            logger.SignInUnknownAccount(result.IsLockedOut ? " (the name is locked after repeated failures)" : "");
            metrics.SignIn("unknown_account");
        }
        else
        {
            logger.SignInRefused(user.Id,
                result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed to sign in" : "wrong password");
            metrics.SignIn(result.IsLockedOut ? "locked" : result.IsNotAllowed ? "not_allowed" : "wrong_password");
        }
    }

    /// <summary>The <c>login_hint</c> of the authorization request the user came from, to save typing.</summary>
    private string? LoginHintOf(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? AuthorizationRequestUrl.ParameterOf(returnUrl, Parameters.LoginHint) : null;
}
