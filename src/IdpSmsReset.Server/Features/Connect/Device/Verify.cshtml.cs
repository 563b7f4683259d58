using System.Security.Claims;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Devices;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect.Device;

/// <summary>
/// Where a person confirms a device (RFC 8628): types the code the device shows (or finds it filled in by the device's
/// link) and continues, signs in as anywhere else (second factor and policy included), then allows or denies the device's
/// application. A code is looked up only for a signed-in person, and shown to OpenIddict only while it is pending: a
/// used code presented again would make OpenIddict revoke the device's tokens as a replay, and the code is on the
/// device's screen for anyone to read. Reloading or submitting twice answers what was decided the first time.
/// </summary>
internal sealed class VerifyModel(
    IOpenIddictApplicationManager applications,
    SignInManager<ApplicationUser> signIn,
    SignInJourney journey,
    AuthorizationIssuer issuer,
    DeviceUserCodes userCodes,
    ILogger<VerifyModel> logger) : PageModel
{
    public const string ApproveDecision = "approve";
    public const string DenyDecision = "deny";

    /// <summary>The code form's own field: a code arriving with it was confirmed by the person, not just carried by a link.</summary>
    public const string ContinueStep = "continue";

    public const string WrongCodeMessage = "That code is not valid or has expired. Check the code your device shows.";
    public const string AlreadyApprovedMessage = "This code was already used: the device is connected. There is nothing more to do.";
    public const string AlreadyDeniedMessage =
        "This code was already used: the device was refused. To connect it, start again on the device.";
    public const string OverBudgetMessage = "Too many wrong codes were typed from your network. Try again in an hour.";

    /// <summary>As typed, or as the device's link carried it; shown again whatever happens.</summary>
    [BindProperty(SupportsGet = true, Name = "user_code")]
    public string? UserCode { get; set; }

    [BindProperty(Name = "decision")]
    public string? Decision { get; set; }

    [BindProperty(SupportsGet = true, Name = "step")]
    public string? Step { get; set; }

    public string? Error { get; private set; }

    /// <summary>Set once the code named a pending request and the person is signed in: the page then asks for a decision.</summary>
    public string? ApplicationName { get; private set; }

    public IReadOnlyList<string> Requested { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        // The device's link (verification_uri_complete) only fills the code in: the person checks it and continues.
        if (string.IsNullOrWhiteSpace(UserCode) || Step != ContinueStep)
        {
            return Page();
        }

        if (await SignedInAsync() is null)
        {
            return ChallengeToSignIn();
        }

        var (request, refusal) = await ResolveAsync(decided => decided == UserCodeState.Approved
            ? Refuse(AlreadyApprovedMessage, "the code was already used to allow the device")
            : Refuse(AlreadyDeniedMessage, "the code was already used to refuse the device"));
        if (request is null)
        {
            return refusal!;
        }

        ApplicationName = await ApplicationNameAsync(request.Principal!);
        Requested = ScopeDescriptions.Of(request.Principal!.GetScopes());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await SignedInAsync() is not { } session)
        {
            return ChallengeToSignIn();
        }

        // A second submission (a reload, the back button, a double click) lands where the first decision did.
        var (request, refusal) = await ResolveAsync(decided => Redirect(VerifyDoneModel.PathOf(
            decided == UserCodeState.Approved ? VerifyDoneModel.Approved : VerifyDoneModel.Denied)));
        if (request is null)
        {
            return refusal!;
        }

        var requested = request.Principal!;
        var clientId = requested.GetClaim(Claims.ClientId);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (Decision != ApproveDecision)
        {
            logger.DeviceDecided(session.User.Id, "denied", clientId);
            await issuer.RecordDecisionAsync(AuditEventTypes.DeviceDenied, session, address,
                $"Denied the device request of '{clientId}'.", HttpContext.RequestAborted);
            return Forbid(new AuthenticationProperties { RedirectUri = VerifyDoneModel.PathOf(VerifyDoneModel.Denied) },
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        // The device's tokens belong to the approving session, as a browser application's do; the account page lists them.
        var identity = await issuer.IdentityAsync(session, clientId!, requested.GetScopes(), HttpContext.RequestAborted);
        logger.DeviceDecided(session.User.Id, "approved", clientId);
        await issuer.RecordDecisionAsync(AuditEventTypes.DeviceApproved, session, address,
            $"Approved the device request of '{clientId}' for {string.Join(' ', identity.GetScopes())}.", HttpContext.RequestAborted);
        return SignIn(new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            RedirectUri = VerifyDoneModel.PathOf(VerifyDoneModel.Approved),
        }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// The pending request the code names, or the page saying why not. The code's state is read first: only a pending
    /// code is shown to OpenIddict; a decided one is answered by <paramref name="decided"/>, counting nothing.
    /// </summary>
    private async Task<(AuthenticateResult? Request, IActionResult? Refusal)> ResolveAsync(Func<UserCodeState, IActionResult> decided)
    {
        var state = await userCodes.LookUpAsync(UserCode ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(),
            HttpContext.RequestAborted);
        switch (state)
        {
            case UserCodeState.AddressOverBudget:
                return (null, Refuse(OverBudgetMessage, "too many wrong codes from this address"));
            case UserCodeState.Wrong:
                return (null, Refuse(WrongCodeMessage, "no device request has this code"));
            case UserCodeState.Expired:
                return (null, Refuse(WrongCodeMessage, "the code has expired"));
            case UserCodeState.Approved or UserCodeState.Denied:
                return (null, decided(state));
        }

        var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result is { Succeeded: true } && !string.IsNullOrEmpty(result.Principal.GetClaim(Claims.ClientId)))
        {
            // Shown as OpenIddict formats it (ABCD-EFGH), whatever case and spacing it was typed in.
            UserCode = result.Properties?.GetTokenValue(OpenIddictServerAspNetCoreConstants.Tokens.UserCode) ?? UserCode;
            return (result, null);
        }

        // Decided or expired between the read and OpenIddict's own (which then revokes nothing: see RedeemedTokenGuard).
        return (null, Refuse(WrongCodeMessage, "the code was decided or expired while it was being read"));
    }

    private PageResult Refuse(string message, string reason)
    {
        logger.UserCodeRefused(HttpContext.Connection.RemoteIpAddress?.ToString(), reason);
        Error = message;
        return Page();
    }

    /// <summary>To the login page, and back here with the code to decide.</summary>
    private ChallengeResult ChallengeToSignIn() => Challenge(new AuthenticationProperties
    {
        RedirectUri = Hosting.DeviceFlowHosting.VerificationEndpoint
            + (QueryString.Create("user_code", UserCode ?? "") + QueryString.Create("step", ContinueStep)),
    }, IdentityConstants.ApplicationScheme);

    private async Task<CurrentSession?> SignedInAsync() =>
        await CurrentSession.ReadAsync(HttpContext, signIn) is { } session
        && await journey.IsDoneAsync(session.User, session.Methods, HttpContext.RequestAborted)
            ? session
            : null;

    private async Task<string> ApplicationNameAsync(ClaimsPrincipal request)
    {
        var clientId = request.GetClaim(Claims.ClientId)!;
        var application = await applications.FindByClientIdAsync(clientId, HttpContext.RequestAborted);
        return application is null ? clientId
            : await applications.GetLocalizedDisplayNameAsync(application, HttpContext.RequestAborted) ?? clientId;
    }
}
