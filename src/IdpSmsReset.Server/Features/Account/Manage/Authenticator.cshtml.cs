using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>Sets up, replaces or removes the authenticator app, and renews its recovery codes; each asks for the password.</summary>
[Authorize]
public sealed class AuthenticatorModel(
    SignInManager<ApplicationUser> signIn,
    SecondFactorMethods methods,
    AuthenticatorSetup setup,
    AuthenticatorService authenticator,
    RecoveryCodeService recoveryCodes,
    PasswordConfirmation password,
    AccountChanges changes) : ManagedAccountPage(signIn)
{
    public const string Added = "Your authenticator app is set up. Sign-ins now ask for its code.";
    public const string Removed = "Your authenticator app was removed, with its recovery codes.";
    public const string NotAllowed = "Your account's security policy does not allow authenticator apps.";

    [BindProperty]
    public AuthenticatorSetupInput Setup { get; set; } = new();

    [BindProperty]
    public string? CurrentPassword { get; set; }

    public UserSecondFactors Factors { get; private set; } = null!;

    /// <summary>The QR code and key while no app is set up.</summary>
    public AuthenticatorSetupView? NewApp { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Shown once, after setting up the app or renewing the codes.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await LoadAsync();

        ShowSetupIfNone(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await LoadAsync();

        if (!Factors.CanEnrolAuthenticator || Factors.HasAuthenticator)
        {
            return RedirectToPage();
        }

        if (await password.ProblemAsync(user, CurrentPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(CurrentPassword), problem);
            NewApp = setup.Resume(user, Setup);
            return Page();
        }

        NewApp = await setup.CompleteAsync(user, Setup, HttpContext.RequestAborted);
        if (NewApp is not null)
        {
            return Page();
        }

        NewRecoveryCodes = await recoveryCodes.ReplaceAsync(user.Id, HttpContext.RequestAborted);
        await changes.AuthenticatorAddedAsync(user, HttpContext.RequestAborted);
        Notice = Added;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var user = await LoadAsync();

        if (await password.ProblemAsync(user, CurrentPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(CurrentPassword), problem);
            return Page();
        }

        await authenticator.RemoveAsync(user.Id, HttpContext.RequestAborted);
        await changes.AuthenticatorRemovedAsync(user, HttpContext.RequestAborted);
        Notice = Removed;
        await LoadAsync();
        ShowSetupIfNone(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();

        if (!Factors.HasAuthenticator)
        {
            return RedirectToPage();
        }

        if (await password.ProblemAsync(user, CurrentPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(CurrentPassword), problem);
            return Page();
        }

        NewRecoveryCodes = await recoveryCodes.ReplaceAsync(user.Id, HttpContext.RequestAborted);
        await changes.RecoveryCodesGeneratedAsync(user, HttpContext.RequestAborted);
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    private void ShowSetupIfNone(ApplicationUser user)
    {
        if (Factors.CanEnrolAuthenticator && !Factors.HasAuthenticator)
        {
            NewApp = setup.Begin(user);
        }
    }

    private async Task<ApplicationUser> LoadAsync()
    {
        var user = CurrentUser;
        Factors = await methods.ForUserAsync(user, HttpContext.RequestAborted);
        RecoveryCodesLeft = Factors.HasAuthenticator ? await recoveryCodes.CountUnusedAsync(user.Id, HttpContext.RequestAborted) : 0;
        return user;
    }
}
