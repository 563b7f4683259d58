using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>Adds or changes the phone number: password first, then a code sent to the new number; the old number gets a notice.</summary>
[Authorize]
public sealed class PhoneModel(
    SignInManager<ApplicationUser> signIn, SecondFactorMethods methods, PhoneCodeStep phoneCode, PasswordConfirmation password,
        SmsTwoStep smsTwoStep)
    : ManagedAccountPage(signIn)
{
    public const string Changed = "Your phone number was verified and saved.";
    public const string ManagedByAdministrator = "Your phone number is managed by your administrator.";
    public const string TwoStepTurnedOn = "Two-step verification by SMS is on: a code will be sent to your phone at every sign-in.";
    public const string TwoStepTurnedOff = "Two-step verification by SMS is off.";

    [BindProperty]
    public string? PhoneNumber { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Turning SMS two-step off lowers the account's protection: the password is asked, as for removing an app.</summary>
    [BindProperty]
    public string? TwoStepPassword { get; set; }

    /// <summary>Posted by the code step's "Send a new code".</summary>
    [BindProperty]
    public bool Resend { get; set; }

    public string? CurrentPhone { get; private set; }

    public bool CanChange { get; private set; }

    public bool CodeSent { get; private set; }

    /// <summary>Whether SMS two-step can be offered: a verified number the policy lets receive codes.</summary>
    public bool CanUseSms { get; private set; }

    public bool SmsTwoStepOn { get; private set; }

    /// <summary>The policy asks for a second step whatever the user chooses.</summary>
    public bool PolicyRequiresTwoStep { get; private set; }

    public string? TwoStepProblem { get; private set; }

    public string? Notice { get; private set; }

    [TempData(Key = "Notice")]
    public string? DoneNotice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Notice = DoneNotice;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        var user = await LoadAsync();

        if (!CanChange)
        {
            return Page();
        }

        // Asking again from the code step stays on it when refused: the code already sent still works.
        CodeSent = Resend;
        if (await password.ProblemAsync(user, CurrentPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(CurrentPassword), problem);
            return Page();
        }

        Notice = await phoneCode.SendAsync(user, PhoneNumber, ModelState, nameof(PhoneNumber), HttpContext.RequestAborted);
        CodeSent = Resend || Notice is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var user = await LoadAsync();

        if (!CanChange)
        {
            return Page();
        }

        if (!await phoneCode.ConfirmAsync(user, Code, ModelState, nameof(Code), HttpContext.RequestAborted))
        {
            CodeSent = true;
            return Page();
        }

        DoneNotice = Changed;
        return RedirectToPage("/Account/Manage/Overview");
    }

    public Task<IActionResult> OnPostSmsTwoStepOnAsync() => SwitchSmsTwoStepAsync(on: true);

    public Task<IActionResult> OnPostSmsTwoStepOffAsync() => SwitchSmsTwoStepAsync(on: false);

    private async Task<IActionResult> SwitchSmsTwoStepAsync(bool on)
    {
        var user = await LoadAsync();
        if (!on && await password.ProblemAsync(user, TwoStepPassword) is { } wrongPassword)
        {
            ModelState.AddModelError(nameof(TwoStepPassword), wrongPassword);
            return Page();
        }

        var problem = on
            ? await smsTwoStep.TurnOnAsync(user, HttpContext.RequestAborted)
            : await smsTwoStep.TurnOffAsync(user, HttpContext.RequestAborted);
        if (problem is not null)
        {
            TwoStepProblem = problem;
            return Page();
        }

        DoneNotice = on ? TwoStepTurnedOn : TwoStepTurnedOff;
        return RedirectToPage();
    }

    private async Task<ApplicationUser> LoadAsync()
    {
        var user = CurrentUser;
        CurrentPhone = user.PhoneNumber;
        var factors = await methods.ForUserAsync(user, HttpContext.RequestAborted);
        CanChange = factors.CanEnrolPhone;
        CanUseSms = factors.CanUseSms;
        SmsTwoStepOn = user.SmsTwoStepSince is not null;
        PolicyRequiresTwoStep = factors.PolicyRequires;
        return user;
    }
}
