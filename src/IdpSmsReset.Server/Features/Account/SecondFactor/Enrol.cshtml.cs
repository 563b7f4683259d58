using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.SecondFactor;

/// <summary>
/// For a user whose policy requires a second factor but who has none: set one up now, right after the password,
/// and finish signing in with it. Nobody is let through without one.
/// </summary>
public sealed class EnrolModel(
    SignInProgress progress,
    SignInJourney journey,
    AuthenticatorSetup authenticatorSetup,
    RecoveryCodeService recoveryCodes,
    PhoneCodeStep phoneCode,
    Core.Audit.AccountChanges changes) : PageModel
{
    public const string NothingToEnrol =
        "Your account requires two-step verification, but no method can be set up for it. Contact your administrator.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public AuthenticatorSetupInput Setup { get; set; } = new();

    [BindProperty]
    public string? PhoneNumber { get; set; }

    [BindProperty]
    public string? PhoneCode { get; set; }

    public UserSecondFactors? Factors { get; private set; }

    public AuthenticatorSetupView? Authenticator { get; private set; }

    /// <summary>Set once a code went to the phone being added: the page then asks for it.</summary>
    public bool PhoneCodeSent { get; private set; }

    public string? PhoneNotice { get; private set; }

    /// <summary>Shown once, after the app was added and the user signed in.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>Where "continue" goes after the recovery codes are shown.</summary>
    public string ContinueUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await LoadAsync();
        return user is null ? BackToLogin() : Next(user);
    }

    public async Task<IActionResult> OnPostAppAsync()
    {
        var user = await LoadAsync();
        if (user is null || Factors is not { CanEnrolAuthenticator: true })
        {
            return Elsewhere(user);
        }

        Authenticator = await authenticatorSetup.CompleteAsync(user, Setup, HttpContext.RequestAborted);
        if (Authenticator is not null)
        {
            return Page();
        }

        NewRecoveryCodes = await recoveryCodes.ReplaceAsync(user.Id, HttpContext.RequestAborted);
        await changes.AuthenticatorAddedAsync(user, HttpContext.RequestAborted);
        ContinueUrl = await FinishAsync(user, SecondFactorMethod.App);
        return Page();
    }

    public async Task<IActionResult> OnPostSendPhoneCodeAsync()
    {
        var user = await LoadAsync();
        if (user is null || Factors is not { CanEnrolPhone: true })
        {
            return Elsewhere(user);
        }

        ShowAuthenticator(user);
        PhoneNotice = await phoneCode.SendAsync(user, PhoneNumber, ModelState, nameof(PhoneNumber), HttpContext.RequestAborted);
        PhoneCodeSent = PhoneNotice is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyPhoneAsync()
    {
        var user = await LoadAsync();
        if (user is null || Factors is not { CanEnrolPhone: true })
        {
            return Elsewhere(user);
        }

        if (!await phoneCode.ConfirmAsync(user, PhoneCode, ModelState, nameof(PhoneCode), HttpContext.RequestAborted))
        {
            ShowAuthenticator(user);
            PhoneCodeSent = true;
            return Page();
        }

        return LocalRedirect(await FinishAsync(user, SecondFactorMethod.Sms));
    }

    /// <summary>Where to go once the factor is set up: the application, or the page the sign-in still needs.</summary>
    private async Task<string> FinishAsync(ApplicationUser user, string method) =>
        await progress.CompleteAsync(user, SignInJourney.AfterSecondFactor(method).Amr, HttpContext.RequestAborted) is { } page
            ? Url.Page(page, new { ReturnUrl = SafeReturnUrl })!
            : SafeReturnUrl;

    private IActionResult Next(ApplicationUser user)
    {
        if (Factors is null)
        {
            return RedirectToPage("/Account/SecondFactor/SecondFactor", new { ReturnUrl = SafeReturnUrl });
        }

        ShowAuthenticator(user);
        return Page();
    }

    private void ShowAuthenticator(ApplicationUser user)
    {
        if (Factors is { CanEnrolAuthenticator: true })
        {
            Authenticator ??= authenticatorSetup.Begin(user);
        }
    }

    /// <summary>The user of the pending sign-in; <see cref="Factors"/> is set only while the journey says to enrol.</summary>
    private async Task<ApplicationUser?> LoadAsync()
    {
        var user = await progress.PendingUserAsync();
        if (user is not null)
        {
            var next = await journey.NextAsync(user, [AuthenticationMethods.Password], HttpContext.RequestAborted,
                await progress.PendingDemandsSecondFactorAsync());
            Factors = next.Step == SignInStep.Enrol ? next.Factors : null;
        }

        return user;
    }

    /// <summary>
    /// Where a request this page must not serve goes: a user who already has a factor shows it (adding another here
    /// would let a stolen password replace it), one without a pending sign-in starts again.
    /// </summary>
    private IActionResult Elsewhere(ApplicationUser? user) =>
        user is null ? BackToLogin() : RedirectToPage("/Account/SecondFactor/SecondFactor", new { ReturnUrl = SafeReturnUrl });

    private IActionResult BackToLogin() => RedirectToPage("/Account/Login/Login", new { ReturnUrl = SafeReturnUrl });
}
