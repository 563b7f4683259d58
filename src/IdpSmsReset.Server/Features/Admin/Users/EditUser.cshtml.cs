using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Users;

/// <summary>
/// One user: profile, phone, attributes, role and policy; unlock, reset MFA, end sessions; and the exact reason the user
/// can or cannot reset the password by SMS (the administrator may know what the user may not).
/// </summary>
public sealed class EditUserModel(
    UserAdministration administration,
    PolicyDirectory policyDirectory,
    AuthenticatorService authenticators,
    UserSessionService sessions,
    SessionTokens sessionTokens,
    BackchannelLogouts logouts,
    PasswordResetEligibility eligibility,
    AdminChanges changes,
    PasskeyUseLog passkeyUses,
    FederatedLinks federatedLinks,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public ApplicationUser? Account { get; private set; }

    public IReadOnlyList<SecurityPolicy> Policies { get; private set; } = [];

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    /// <summary>The applications holding tokens of each session.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Applications { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<string>>();

    /// <summary>The applications told (or being told) of this user's ended sessions, newest first.</summary>
    public IReadOnlyList<BackchannelLogoutDelivery> Logouts { get; private set; } = [];

    public ResetEligibility? Reset { get; private set; }

    public bool HasAuthenticator { get; private set; }

    public int PasskeyCount { get; private set; }

    /// <summary>The outside identity providers the user signs in through.</summary>
    public IReadOnlyList<UserLoginInfo> Links { get; private set; } = [];

    [BindProperty]
    public string? LinkedProvider { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>A password typed for the user (blank: one is generated).</summary>
    [BindProperty]
    public string? TemporaryPassword { get; set; }

    /// <summary>The generated password, shown on this one answer only (never kept in a cookie or the log).</summary>
    public string? GeneratedPassword { get; private set; }

    /// <summary>The required actions ticked.</summary>
    [BindProperty]
    public List<string> RequiredActions { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null && await LoadAsync() is null)
        {
            return NotFound();
        }

        if (Account is { } user)
        {
            Input = new UserForm
            {
                UserName = user.UserName,
                DisplayName = user.DisplayName,
                Email = user.Email,
                PhoneNumber = user.PhoneNumber,
                PolicyId = user.SecurityPolicyId?.ToString(),
                IsAdministrator = await administration.IsAdministratorAsync(user),
                Attributes = string.Join("\n", user.Attributes.OrderBy(a => a.Name).Select(a => $"{a.Name}={a.Value}")),
            };
        }

        await LoadPoliciesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (Id is not null && await LoadAsync() is null)
        {
            return NotFound();
        }

        await LoadPoliciesAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await administration.SaveAsync(Input.ToChange(Id), changes.Current, HttpContext.RequestAborted);
        foreach (var (field, problem) in saved.Problems)
        {
            ModelState.AddModelError("Input." + field, problem);
        }

        if (!saved.Succeeded)
        {
            return Page();
        }

        Notice = localizer["{0} was saved.", Account?.UserName ?? Input.UserName?.Trim() ?? ""];
        return RedirectToPage(new { id = saved.Id });
    }

    public Task<IActionResult> OnPostUnlockAsync() => ActAsync(localizer["The account is unlocked."], administration.UnlockAsync);

    [Confirm(
        "The user's authenticator app, recovery codes and passkeys are removed; the user sets up a factor again at the next"
            + " sign-in if the policy requires one.",
        "Reset MFA enrolment")]
    public Task<IActionResult> OnPostResetMfaAsync() => ActAsync(
        localizer["The authenticator app, recovery codes and passkeys were removed; the user sets up a factor again at the next"
            + " sign-in if the policy requires one."],
        administration.RemoveSecondFactorsAsync);

    [Confirm("Every passkey of the user is removed; they add new ones from their account page.", "Remove passkeys")]
    public Task<IActionResult> OnPostRemovePasskeysAsync() =>
        ActAsync(localizer["Every passkey of the user was removed."], administration.RemovePasskeysAsync);

    [Confirm("The user can no longer sign in through that provider, and their sessions end.", "Remove the link")]
    public async Task<IActionResult> OnPostRemoveLinkAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        var refusal = await federatedLinks.RemoveAsync(user, LinkedProvider ?? "", null, HttpContext.RequestAborted, changes.Current);
        Notice = refusal is null ? localizer["The link to {0} was removed.", LinkedProvider ?? ""] : localizer[refusal];
        return RedirectToPage(new { id = user.Id });
    }

    [Confirm(
        "The user's password is replaced by a temporary one, every session ends and every token is revoked; the user chooses"
            + " their own at the next sign-in.",
        "Set a temporary password")]
    public async Task<IActionResult> OnPostTemporaryPasswordAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        var (result, generated) = await administration.SetTemporaryPasswordAsync(user, TemporaryPassword, changes.Current,
            HttpContext.RequestAborted);
        foreach (var (_, problem) in result.Problems)
        {
            ModelState.AddModelError(nameof(TemporaryPassword), problem);
        }

        if (result.Succeeded)
        {
            await LoadAsync();
            GeneratedPassword = generated;
            Notice = localizer["The temporary password is set: the user chooses their own at the next sign-in. Every session ended."];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRequiredActionsAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        var result = await administration.SetRequiredActionsAsync(user, RequiredActions, changes.Current, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(RequiredActions), result.Problems[0].Problem);
            return Page();
        }

        Notice = localizer["The required actions were saved."];
        return RedirectToPage(new { id = user.Id });
    }

    [Confirm(
        "The user is deleted and their personal data erased: the account, factors, passkeys, attributes, sessions, tokens,"
            + " the numbers and texts of SMS sent to them, and their name in the audit log (a pseudonym stays).",
        "Delete the user")]
    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        var result = await administration.DeleteAsync(user, changes.Current, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, localizer[result.Problems[0].Problem]);
            return Page();
        }

        Notice = localizer["The user was deleted and their personal data erased."];
        return RedirectToPage("/Admin/Users/Users");
    }

    public Task<IActionResult> OnPostEnableAsync() =>
        ActAsync(localizer["The account is enabled: the user may sign in again."], administration.EnableAsync);

    [Confirm(
        "Every session of the user ends, and the applications signed in through them are told; their tokens are revoked.",
        "End all sessions")]
    public Task<IActionResult> OnPostEndSessionsAsync() =>
        ActAsync(localizer["Every session of the user was ended."], administration.EndSessionsAsync);

    /// <summary>Lets the user reset by SMS again after too many wrong codes (audited by the budget itself, with this administrator as the
    /// actor).</summary>
    public async Task<IActionResult> OnPostLiftResetSuspensionAsync()
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        Notice = await administration.LiftResetSuspensionAsync(user, changes.Current, HttpContext.RequestAborted)
            ? localizer["SMS reset is possible again; earlier wrong codes no longer count."]
            : localizer["SMS reset was not suspended."];
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<IActionResult> ActAsync(string notice, Func<ApplicationUser, Administrator, CancellationToken, Task> command)
    {
        var user = await LoadAsync();
        if (user is null)
        {
            return NotFound();
        }

        await command(user, changes.Current, HttpContext.RequestAborted);
        Notice = notice;
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<ApplicationUser?> LoadAsync()
    {
        Account = Id is null ? null : await administration.FindAsync(Id, HttpContext.RequestAborted);
        if (Account is { } user)
        {
            Sessions = await sessions.ListActiveAsync(user.Id, HttpContext.RequestAborted);
            Applications = await sessionTokens.ApplicationsOfAsync([.. Sessions.Select(s => s.Id)], HttpContext.RequestAborted);
            Logouts = await logouts.RecentAsync(user.Id, HttpContext.RequestAborted);
            Reset = await eligibility.CheckAsync(user, HttpContext.RequestAborted);
            HasAuthenticator = await authenticators.IsEnrolledAsync(user.Id, HttpContext.RequestAborted);
            PasskeyCount = await passkeyUses.CountPasskeysAsync(user.Id, HttpContext.RequestAborted);
            Links = await federatedLinks.ListAsync(user);
        }

        return Account;
    }

    private async Task LoadPoliciesAsync() => Policies = await policyDirectory.ListAsync(HttpContext.RequestAborted);

    public bool IsLocked => Account?.LockoutEnd > time.GetUtcNow();
}

/// <summary>A user as the administrator edits them. The password is set only when creating a user.</summary>
public sealed class UserForm
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    /// <summary>E.164; blank removes the number.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>The policy id; blank means the default policy.</summary>
    public string? PolicyId { get; set; }

    public bool IsAdministrator { get; set; }

    /// <summary>One <c>name=value</c> per line.</summary>
    public string? Attributes { get; set; }

    public string? Password { get; set; }

    public UserChange ToChange(string? id) =>
        new(id, UserName, Password, DisplayName, Email, PhoneNumber, PolicyId, IsAdministrator, Attributes);
}
