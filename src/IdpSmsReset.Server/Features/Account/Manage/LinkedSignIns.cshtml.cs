using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using IdpSmsReset.Server.Federation;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>
/// The outside identity providers this account signs in through, each removable, and the enabled ones it could link.
/// Linking and removing ask for the password unless this browser proved itself moments ago (as for passkeys): a
/// browser left signed in must not let a stranger cut the owner's way in, nor add a way in of their own. The last way
/// to sign in stays.
/// </summary>
public sealed class LinkedSignInsModel(
    SignInManager<ApplicationUser> signIn, FederatedLinks links, PasswordConfirmation password, SessionCookies sessions,
    UpstreamDirectory upstreams, TimeProvider time, IStringLocalizer<SharedResource> localizer)
    : ManagedAccountPage(signIn)
{
    public const string Removed = "The provider was removed from your account.";

    public const string Linked = "The provider was linked: you can sign in with it from now on.";

    public const string SessionChanged = "You were no longer signed in as the account that asked to link. Nothing was linked.";

    public IReadOnlyList<UserLoginInfo> Links { get; private set; } = [];

    /// <summary>The enabled providers this account is not linked to yet.</summary>
    public IReadOnlyList<UpstreamDirectory.Upstream> Linkable { get; private set; } = [];

    /// <summary>This browser signed in (or set a password) moments ago: removing asks for nothing more.</summary>
    public bool RecentlyProven { get; private set; }

    [BindProperty]
    public string? Provider { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Sends the user to the provider; the callback links whom it vouches for (<see cref="FederatedLinks.AddAsync"/>).</summary>
    public async Task<IActionResult> OnPostLinkAsync()
    {
        await LoadAsync();
        if (Linkable.FirstOrDefault(upstream => upstream.Name == Provider) is not { } chosen)
        {
            ModelState.AddModelError(string.Empty, localizer[FederatedLinks.ProviderUnavailable]);
            return Page();
        }

        if (!RecentlyProven && await password.ProblemAsync(CurrentUser, CurrentPassword) is { } wrongPassword)
        {
            ModelState.AddModelError(nameof(CurrentPassword), wrongPassword);
            return Page();
        }

        return External.ExternalSignInEndpoints.LinkChallenge(chosen.Name, CurrentUser.Id, Url.Page("LinkedSignIns") ?? "/");
    }

    public async Task<IActionResult> OnPostRemoveAsync()
    {
        await LoadAsync();
        if (!RecentlyProven && await password.ProblemAsync(CurrentUser, CurrentPassword) is { } wrongPassword)
        {
            ModelState.AddModelError(nameof(CurrentPassword), wrongPassword);
            return Page();
        }

        if (await links.RemoveAsync(CurrentUser, Provider ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestAborted) is { } refusal)
        {
            ModelState.AddModelError(string.Empty, localizer[refusal]);
            return Page();
        }

        // Removing a link changes the account's security stamp, which ends its other sessions (one may have come through
        // that provider); this browser, which just proved itself, stays in.
        await sessions.RenewAsync(CurrentUser);
        Notice = Removed;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        RecentlyProven = time.GetUtcNow() - Session.ProvenAt <= PasskeyChanges.RecentProof;
        Links = await links.ListAsync(CurrentUser);
        Linkable = [.. (await upstreams.EnabledAsync(HttpContext.RequestAborted))
            .Where(upstream => Links.All(link => link.LoginProvider != upstream.Name))];
    }
}
