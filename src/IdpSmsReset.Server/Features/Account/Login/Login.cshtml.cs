using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Server.Features.Connect;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account.Login;

public sealed class LoginModel(
    PasswordSignIn passwordSignIn,
    PasswordlessSignIn passwordless,
    PasswordResetAvailability resetAvailability,
    SignInProgress progress,
    AccountMessages messages,
    Federation.UpstreamDirectory upstreams,
    IStringLocalizer<SharedResource> localizer) : PageModel
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

    /// <summary>The outside identity providers offered as "Continue with …".</summary>
    public IReadOnlyList<Federation.UpstreamDirectory.Upstream> Upstreams { get; private set; } = [];

    /// <summary>Why a sign-in through another provider came back without a session
    /// (<see cref="External.ExternalSignInProblems"/>).</summary>
    [BindProperty(SupportsGet = true, Name = "external")]
    public string? ExternalProblem { get; set; }

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
        await passwordless.RequestOptionsAsync(HttpContext.RequestAborted) is { } options
            ? Content(options, "application/json")
            : BadRequest();

    /// <summary>
    /// Passwordless: the passkey alone signs in, where the user's policy allows it and the passkey verified the user
    /// (then it proves two factors, and meets a policy requiring MFA). Anything else is refused with what to do instead.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        await LoadOffersAsync();
        ModelState.Clear();
        var attempt = PasskeyAvailable
            ? await passwordless.VerifyAsync(Credential ?? "", HttpContext.RequestAborted)
            : PasswordlessAttempt.NotAccepted;
        if (attempt.SignsIn)
        {
            return this.ContinueSignIn(await progress.CompleteAsync(attempt.User!, attempt.Amr, HttpContext.RequestAborted), SafeReturnUrl);
        }

        ModelState.AddModelError(string.Empty, attempt.Refusal switch
        {
            _ when attempt.User is null => localizer[Passkeys.PasskeyTexts.NotAccepted],
            PasswordlessRefusal.MayNotSignIn => messages.Lockout(attempt.User.LockoutEnd),
            PasswordlessRefusal.PolicyAsksForThePassword => localizer[PasswordlessNotAllowed],
            _ => localizer[PasskeyNotVerified],
        });
        return Page();
    }

    private async Task LoadOffersAsync()
    {
        ResetAvailable = await resetAvailability.IsAvailableAsync(HttpContext.RequestAborted);
        PasskeyAvailable = await passwordless.IsAvailableAsync(HttpContext.RequestAborted);
        Upstreams = await upstreams.EnabledAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadOffersAsync();
        // Home-realm discovery: a name in a domain that signs in elsewhere goes there, without a password typed here.
        if (await upstreams.ForEmailAsync(Input.UserName, HttpContext.RequestAborted) is { } home)
        {
            return LocalRedirect(External.ExternalSignInEndpoints.ChallengePath(home.Name, SafeReturnUrl));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await passwordSignIn.CheckAsync(Input.UserName!, Input.Password!, HttpContext.RequestAborted);
        if (outcome.Succeeded)
        {
            return this.ContinueSignIn(await progress.ContinueAsync(outcome.User!, outcome.Next!, HttpContext.RequestAborted),
                SafeReturnUrl);
        }

        // The same words for a real and an unknown account.
        ModelState.AddModelError(string.Empty, outcome.LockedOut ? messages.Lockout(outcome.LockedUntil) : localizer[InvalidCredentials]);
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>The <c>login_hint</c> of the authorization request the user came from, to save typing.</summary>
    private string? LoginHintOf(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? AuthorizationRequestUrl.ParameterOf(returnUrl, Parameters.LoginHint) : null;
}

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your username or email address.")]
    [StringLength(256, ErrorMessage = "That is longer than any username or email address here.")]
    [Display(Name = "Username or email")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(1024, ErrorMessage = "That password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }
}
