using IdpSmsReset.Core.Audit;
using Microsoft.AspNetCore.Authentication;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>The account page: how the user signs in, and the browsers signed in as them (which they can end).</summary>
[Authorize]
public sealed class OverviewModel(
    SignInManager<ApplicationUser> signIn, SecondFactorMethods methods, RecoveryCodeService recoveryCodes, UserSessionService sessions,
    SessionTokens sessionTokens, AccountChanges changes, ConnectedApplications connected, IStringLocalizer<SharedResource> localizer)
    : ManagedAccountPage(signIn)
{
    public ApplicationUser Account { get; private set; } = null!;

    public UserSecondFactors Factors { get; private set; } = null!;

    public int RecoveryCodesLeft { get; private set; }

    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public Guid? CurrentSessionId { get; private set; }

    /// <summary>The applications holding tokens of each session.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Applications { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<string>>();

    /// <summary>The applications the user allowed.</summary>
    public IReadOnlyList<ConnectedApplication> Allowed { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = CurrentUser;

        Account = user;
        Factors = await methods.ForUserAsync(user, HttpContext.RequestAborted);
        RecoveryCodesLeft = Factors.HasAuthenticator ? await recoveryCodes.CountUnusedAsync(user.Id, HttpContext.RequestAborted) : 0;
        Sessions = await sessions.ListActiveAsync(user.Id, HttpContext.RequestAborted);
        Applications = await sessionTokens.ApplicationsOfAsync([.. Sessions.Select(s => s.Id)], HttpContext.RequestAborted);
        CurrentSessionId = SessionCookies.CurrentSessionId(User);
        Allowed = await connected.ListAsync(user.Id, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Takes back the consent to one application: it holds no token of the user any more and must ask again.</summary>
    public async Task<IActionResult> OnPostRevokeApplicationAsync(string clientId)
    {
        Notice = await connected.RevokeAsync(CurrentUser, clientId ?? "", HttpContext.RequestAborted)
            ? localizer["{0} no longer has access to your account; it will ask again if you sign in to it.", clientId!]
            : localizer["That application had no access to take back."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndSessionAsync(Guid sessionId)
    {
        var user = CurrentUser;

        var ended = await sessions.EndAsync(user.Id, sessionId, HttpContext.RequestAborted);
        if (ended)
        {
            await changes.SessionsEndedAsync(user, "one session", HttpContext.RequestAborted);
        }

        Notice = ended ? "The session was ended. That browser is signed out within a minute." : "That session had already ended.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOtherSessionsAsync()
    {
        var user = CurrentUser;

        var ended = await sessions.EndAllAsync(user.Id, keep: SessionCookies.CurrentSessionId(User), HttpContext.RequestAborted);
        await changes.SessionsEndedAsync(user, "every other session", HttpContext.RequestAborted);
        Notice = ended == 1 ? localizer["1 other session was ended."] : localizer["{0} other sessions were ended.", ended];
        return RedirectToPage();
    }

    /// <summary>Ends every session, this browser's too: every application's tokens are revoked and each is told.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = CurrentUser;

        await sessions.EndAllAsync(user.Id, keep: null, HttpContext.RequestAborted);
        await changes.SessionsEndedAsync(user, "every session", HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/?signed-out=1");
    }
}
