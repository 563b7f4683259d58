using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account.Passkeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>
/// The user's passkeys: add one (named), rename it, remove it, and see when each was last used. Adding and removing ask
/// for the password unless this browser proved it within <see cref="PasskeyChanges.RecentProof"/> (signed in, or set a
/// new password): a browser left signed in must not let a stranger plant a passkey that outlives the next password.
/// After a new password the page lists the passkeys to review (<see cref="ReviewQuery"/>), each removable in one click.
/// Additions are audited and told to the user's phone. Only where the user's policy allows passkeys.
/// </summary>
[Authorize]
public sealed class PasskeysModel(
    SignInManager<ApplicationUser> signIn,
    PasskeyCeremonies ceremonies,
    PasskeyUseLog uses,
    PasswordConfirmation password,
    PasskeyChanges changes,
    TimeProvider time,
    ILogger<PasskeysModel> logger) : ManagedAccountPage(signIn)
{
    public const string NotAllowed = "Your account's security policy does not allow passkeys.";
    public const string Added = "Your passkey was added.";
    public const string Renamed = "Your passkey was renamed.";
    public const string Removed = "Your passkey was removed.";
    public const int MaxNameLength = 64;

    /// <summary>The query that opens the page as the review after a new password (<c>?review=true&amp;next=…</c>).</summary>
    public const string ReviewQuery = "review";

    public const string ReviewNotice =
        "Your password was changed. These passkeys still sign you in: remove any you do not recognise.";

    public static string ReviewPath(string? next) => "/account/manage/passkeys?" + ReviewQuery + "=true"
        + (string.IsNullOrEmpty(next) ? "" : "&next=" + Uri.EscapeDataString(next));

    /// <summary>Where the review continues to (the application the user was signing in to); local addresses only.</summary>
    [BindProperty(SupportsGet = true, Name = "next")]
    public string? Next { get; set; }

    [BindProperty(SupportsGet = true, Name = ReviewQuery)]
    public bool Review { get; set; }

    /// <summary>The password for adding, when this browser has not proved it recently.</summary>
    [BindProperty]
    public string? AddPassword { get; set; }

    /// <summary>This browser proved the password (or signed in) moments ago: adding and removing ask for nothing more.</summary>
    public bool RecentlyProven { get; private set; }

    public string? ContinueTo => Next is { Length: > 0 } next && Url.IsLocalUrl(next) ? next : null;

    /// <summary>The name for the new passkey, kept when adding fails.</summary>
    [BindProperty]
    public string? NewName { get; set; }

    /// <summary>The browser's answer (JSON), filled in by the page's script.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty]
    public string? PasskeyId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    public bool Allowed { get; private set; }

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    /// <summary>The creation options for the browser (its script asks; the anti-forgery token comes in a header).</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await LoadAsync();
        return !Allowed ? BadRequest() : Content(await ceremonies.CreationOptionsAsync(user), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await LoadAsync();

        var name = NewName?.Trim() ?? "";
        if (!Allowed)
        {
            return Page();
        }

        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            ModelState.AddModelError(nameof(NewName), PasskeyTexts.NameRequired);
            return Page();
        }

        if (!RecentlyProven && await password.ProblemAsync(user, AddPassword) is { } wrongPassword)
        {
            logger.PasskeyNotAdded(user.Id);
            ModelState.AddModelError(nameof(AddPassword), wrongPassword);
            return Page();
        }

        if (await ceremonies.AddAsync(user, Credential ?? "", name) is { } problem)
        {
            logger.PasskeyNotAdded(user.Id);
            ModelState.AddModelError(nameof(NewName), problem);
            return Page();
        }

        logger.PasskeyAdded(user.Id);
        await changes.AddedAsync(user, name, HttpContext.Connection.RemoteIpAddress?.ToString(), HttpContext.RequestAborted);
        NewName = null;
        Notice = Added;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync()
    {
        var user = await LoadAsync();

        var name = Name?.Trim() ?? "";
        if (await FindAsync(user) is not { } passkey)
        {
            return RedirectToPage();
        }

        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), PasskeyTexts.NameRequired);
            return Page();
        }

        passkey.Name = name;
        await Users.AddOrUpdatePasskeyAsync(user, passkey);
        Notice = Renamed;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        var user = await LoadAsync();

        if (await FindAsync(user) is not { } passkey)
        {
            return RedirectToPage();
        }

        if (!RecentlyProven && await password.ProblemAsync(user, CurrentPassword) is { } problem)
        {
            ModelState.AddModelError(nameof(CurrentPassword), problem);
            return Page();
        }

        await Users.RemovePasskeyAsync(user, passkey.CredentialId);
        await changes.RemovedAsync(user, passkey.CredentialId, passkey.Name ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestAborted);
        logger.PasskeyRemoved(user.Id);
        Notice = Removed;
        await LoadAsync();
        return Page();
    }

    private async Task<UserPasskeyInfo?> FindAsync(ApplicationUser user)
    {
        byte[] id;
        try
        {
            id = WebEncoders.Base64UrlDecode(PasskeyId ?? "");
        }
        catch (FormatException)
        {
            return null;
        }

        return id.Length == 0 ? null : await Users.GetPasskeyAsync(user, id);
    }

    private async Task<ApplicationUser> LoadAsync()
    {
        var user = CurrentUser;
        RecentlyProven = time.GetUtcNow() - Session.ProvenAt <= PasskeyChanges.RecentProof;

        Allowed = await changes.AllowedAsync(user, HttpContext.RequestAborted);
        var lastUsed = await uses.LastUsedAsync(user.Id, HttpContext.RequestAborted);
        Passkeys = [.. (await Users.GetPasskeysAsync(user)).OrderBy(passkey => passkey.CreatedAt).Select(passkey => new PasskeyRow(
            WebEncoders.Base64UrlEncode(passkey.CredentialId), passkey.Name ?? "", passkey.CreatedAt,
            lastUsed.TryGetValue(Convert.ToHexString(passkey.CredentialId), out var at) ? at : null))];
        return user;
    }
}
