using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using IdpSmsReset.Server.Features.Error;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// RP-initiated logout. OpenIddict has already checked id_token_hint and the registered post_logout_redirect_uri.
/// The user is asked to confirm unless the hint names this user and this session (its <c>sid</c>; a hint without one asks).
/// </summary>
internal static class EndSessionEndpoint
{
    public const string ConfirmationPath = "/account/logout";

    public static async Task<IResult> HandleAsync(
        HttpContext context, SignInManager<ApplicationUser> signIn, SessionCookies sessions, IAntiforgery antiforgery)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            // Only our confirmation page posts here; a cross-site form must not sign anyone out.
            return await antiforgery.IsRequestValidAsync(context)
                ? await SignOutAsync(sessions)
                : Results.Redirect(ErrorModel.ExpiredFormPath);
        }

        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded)
        {
            return await SignOutAsync(sessions);
        }

        // The hint proves the request comes from this session's application when it names this user and this session
        // (an ID token of another browser's session of the same user does not; one without sid proves no session).
        var hint = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var hintSubject = hint.Principal?.GetClaim(Claims.Subject);
        var hintSession = hint.Principal?.GetClaim(SessionCookies.SessionIdClaim);
        var sameSession = hintSession is not null && hintSession == SessionCookies.CurrentSessionId(session.Principal!)?.ToString();
        if (hintSubject is not null && hintSubject == signIn.UserManager.GetUserId(session.Principal!) && sameSession)
        {
            return await SignOutAsync(sessions);
        }

        return Results.Redirect(AuthorizationRequestUrl.Build(context.Request, ConfirmationPath));
    }

    private static async Task<IResult> SignOutAsync(SessionCookies sessions)
    {
        await sessions.SignOutAsync();
        // OpenIddict redirects to the validated post_logout_redirect_uri, or to RedirectUri when none was given.
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/?signed-out=1" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
