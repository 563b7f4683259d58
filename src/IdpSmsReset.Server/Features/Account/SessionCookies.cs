using System.Security.Claims;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// Issues and ends the session cookie. Every cookie names its <see cref="UserSession"/> (claim <c>sid</c>) and carries
/// how the user signed in (<c>amr</c>), so sessions can be listed and ended and relying applications told the methods.
/// </summary>
public sealed class SessionCookies(
    SignInManager<ApplicationUser> signIn, UserSessionService sessions, ResetSuspensions resetSuspensions, TimeProvider time,
    ILogger<SessionCookies> logger)
{
    public const string SessionIdClaim = "sid";

    /// <summary>When this browser last proved who it is (signing in, a new password): in the cookie only, never in a token.</summary>
    public const string ProvenAtClaim = "idp_proven_at";

    /// <summary>The outside identity provider the session began at (absent when it began here), told to applications.</summary>
    public const string IdentityProviderClaim = "idp";

    /// <summary>The claims a renewed cookie must keep: Identity rebuilds the principal from the user and would drop them.</summary>
    public static readonly IReadOnlySet<string> CarriedClaims = new HashSet<string>(StringComparer.Ordinal)
    {
        Claims.AuthenticationMethodReference, SessionIdClaim, ProvenAtClaim, IdentityProviderClaim,
    };

    private HttpContext Context => signIn.Context;

    /// <summary>The address of the browser signing in, for the audit.</summary>
    public string? ClientAddress => Context.Connection.RemoteIpAddress?.ToString();

    /// <param name="identityProvider">The outside identity provider the sign-in began at, if any.</param>
    public async Task SignInAsync(ApplicationUser user, IReadOnlyList<string> methods, string? identityProvider = null)
    {
        logger.SignedIn(user.Id, string.Join(' ', methods));
        // The language the user signs in with is the language of the SMS sent to them later, from background jobs too.
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (user.PreferredLanguage != language)
        {
            user.PreferredLanguage = language;
            await signIn.UserManager.UpdateAsync(user);
        }

        // Whoever signs in holds the account: a suspension that guessing at its reset codes caused ends here.
        if (user.SmsResetSuspendedAt is not null)
        {
            await resetSuspensions.LiftAsync(user.Id, user.UserName ?? user.Id, Context.Connection.RemoteIpAddress?.ToString(),
                Context.RequestAborted);
        }

        var session = await sessions.StartAsync(
            user, methods, Context.Request.Headers.UserAgent.ToString(), Context.Connection.RemoteIpAddress?.ToString(),
                Context.RequestAborted);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [
            .. methods.Select(method => new Claim(Claims.AuthenticationMethodReference, method)),
            new Claim(SessionIdClaim, session.Id.ToString()),
            ProvenNow(),
            .. identityProvider is null ? Array.Empty<Claim>() : [new Claim(IdentityProviderClaim, identityProvider)],
        ]);
    }

    /// <summary>
    /// A new cookie for the same session after the user's security stamp changed (a new password typed here), so this
    /// browser stays in, having just proved the password.
    /// </summary>
    public Task RenewAsync(ApplicationUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [
            .. Context.User.Claims.Where(claim => CarriedClaims.Contains(claim.Type) && claim.Type != ProvenAtClaim)
                .Select(claim => new Claim(claim.Type, claim.Value)),
            ProvenNow(),
        ]);

    public static DateTimeOffset? ProvenAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(ProvenAtClaim)?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private Claim ProvenNow() =>
        new(ProvenAtClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task SignOutAsync()
    {
        var current = (await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal;
        if (current is not null && CurrentSessionId(current) is { } sessionId && signIn.UserManager.GetUserId(current) is { } userId)
        {
            await sessions.EndAsync(userId, sessionId, Context.RequestAborted, signingOut: true);
        }

        await signIn.SignOutAsync();
    }

    public static Guid? CurrentSessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(SessionIdClaim)?.Value, out var id) ? id : null;
}
