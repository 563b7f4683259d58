using System.Security.Claims;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Devices;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using Microsoft.AspNetCore;
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
/// application. OpenIddict resolves the code; a code that names no pending request is counted against the address.
/// </summary>
internal sealed class VerifyModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    SignInManager<ApplicationUser> signIn,
    SignInJourney journey,
    UserClaims userClaims,
    WrongUserCodeBudget wrongCodes,
    AuditLog audit,
    ILogger<VerifyModel> logger) : PageModel
{
    public const string ApproveDecision = "approve";
    public const string DenyDecision = "deny";

    /// <summary>The code form's own field: a code arriving with it was confirmed by the person, not just carried by a link.</summary>
    public const string ContinueStep = "continue";

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

        var (request, refusal) = await ResolveAsync();
        if (request is null)
        {
            return refusal!;
        }

        if (await SignedInAsync() is null)
        {
            return ChallengeToSignIn();
        }

        ApplicationName = await ApplicationNameAsync(request.Principal!);
        Requested = ScopeDescriptions.Of(request.Principal!.GetScopes());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (request, refusal) = await ResolveAsync();
        if (request is null)
        {
            return refusal!;
        }

        if (await SignedInAsync() is not { } session)
        {
            return ChallengeToSignIn();
        }

        var requested = request.Principal!;
        var clientId = requested.GetClaim(Claims.ClientId);
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (Decision != ApproveDecision)
        {
            logger.DeviceDecided(session.User.Id, "denied", clientId);
            await audit.WriteAsync(AuditEventTypes.DeviceDenied, session.User.UserName ?? session.User.Id, session.User.Id, address,
                $"Denied the device request of '{clientId}'.", HttpContext.RequestAborted);
            return Forbid(new AuthenticationProperties { RedirectUri = VerifyDoneModel.PathOf(VerifyDoneModel.Denied) },
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var identity = await userClaims.CreateAsync(session.User, requested.GetScopes(), session.Methods, session.AuthenticatedAt);
        var application = await applications.FindByClientIdAsync(clientId!, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict resolved a user code of an application that cannot be found.");
        // Its own authorization: revoking it (or the user's password changing) reaches this device's tokens only.
        var authorization = await authorizations.CreateAsync(new ClaimsPrincipal(identity), session.User.Id,
            (await applications.GetIdAsync(application, HttpContext.RequestAborted))!, AuthorizationTypes.AdHoc, identity.GetScopes(),
            HttpContext.RequestAborted);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, HttpContext.RequestAborted));
        identity.SetDestinations(ClaimDestinations.For);
        logger.DeviceDecided(session.User.Id, "approved", clientId);
        await audit.WriteAsync(AuditEventTypes.DeviceApproved, session.User.UserName ?? session.User.Id, session.User.Id, address,
            $"Approved the device request of '{clientId}' for {string.Join(' ', identity.GetScopes())}.", HttpContext.RequestAborted);
        return SignIn(new ClaimsPrincipal(identity), new AuthenticationProperties
        {
            RedirectUri = VerifyDoneModel.PathOf(VerifyDoneModel.Approved),
        }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The pending request the code names, or the page saying why not (counted and audited when wrong).</summary>
    private async Task<(AuthenticateResult? Request, IActionResult? Refusal)> ResolveAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await wrongCodes.IsAddressOverAsync(address, HttpContext.RequestAborted))
        {
            logger.UserCodeRefused(address, "too many wrong codes from this address");
            Error = "Too many wrong codes were typed from your network. Try again in an hour.";
            return (null, Page());
        }

        var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result is { Succeeded: true } && !string.IsNullOrEmpty(result.Principal.GetClaim(Claims.ClientId)))
        {
            // Shown as OpenIddict formats it (ABCD-EFGH), whatever case and spacing it was typed in.
            UserCode = result.Properties?.GetTokenValue(OpenIddictServerAspNetCoreConstants.Tokens.UserCode) ?? UserCode;
            return (result, null);
        }

        logger.UserCodeRefused(address, "no pending device request has this code");
        await wrongCodes.RecordWrongAsync(UserCode ?? "", address, HttpContext.RequestAborted);
        Error = "That code is not valid or has expired. Check the code your device shows.";
        return (null, Page());
    }

    /// <summary>To the login page, and back here with the code to decide.</summary>
    private ChallengeResult ChallengeToSignIn() => Challenge(new AuthenticationProperties
    {
        RedirectUri = Hosting.DeviceFlowHosting.VerificationEndpoint
            + (QueryString.Create("user_code", UserCode ?? "") + QueryString.Create("step", ContinueStep)),
    }, IdentityConstants.ApplicationScheme);

    private async Task<SignedInSession?> SignedInAsync() =>
        await SignedInSession.ReadAsync(HttpContext, signIn) is { } session
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
