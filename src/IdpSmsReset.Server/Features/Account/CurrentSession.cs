using IdpSmsReset.Core.SignIn;
using Microsoft.AspNetCore.Authentication;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Connect;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// The user behind the session cookie, checked against the database on every call (not only at the cookie's periodic
/// check): the user still exists and may sign in (not locked, not disabled), the security stamp is the one the cookie
/// was issued with (no password change or reset since), and the session has not been ended, on whatever instance.
/// </summary>
/// <param name="IdentityProvider">The outside identity provider the session began at, or null.</param>
internal sealed record CurrentSession(ApplicationUser User, Guid SessionId, IReadOnlyList<string> Methods, DateTimeOffset AuthenticatedAt,
    DateTimeOffset ProvenAt, string? IdentityProvider = null)
{
    public static async Task<CurrentSession?> ReadAsync(HttpContext context, SignInManager<ApplicationUser> signIn)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var user = await signIn.UserManager.GetUserAsync(result.Principal);
        if (user is null || !await context.RequestServices.GetRequiredService<SignInEligibility>().MaySignInAsync(user))
        {
            return null;
        }

        // When the session began is when the user authenticated (auth_time, max_age): the cookie's own issue time moves
        // each time Identity renews it.
        if (!context.RequestServices.GetRequiredService<UserClaims>().HasCurrentSecurityStamp(result.Principal, user)
            || SessionCookies.CurrentSessionId(result.Principal) is not { } sessionId
            || await context.RequestServices.GetRequiredService<UserSessionService>().StartedAtAsync(user.Id, sessionId,
                context.RequestAborted) is not { } authenticatedAt)
        {
            return null;
        }

        var methods = result.Principal.FindAll(Claims.AuthenticationMethodReference).Select(claim => claim.Value).ToList();
        return new CurrentSession(user, sessionId, methods.Count > 0 ? methods : [AuthenticationMethods.Password],
            authenticatedAt, SessionCookies.ProvenAt(result.Principal) ?? authenticatedAt,
            result.Principal.FindFirst(SessionCookies.IdentityProviderClaim)?.Value);
    }
}
