using System.Collections.Immutable;
using System.Security.Claims;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// What a signed-in session's tokens are issued to, the same for a browser application's authorization request and a
/// device's approval: the user's claims for the granted scopes, the session's own authorization at the application
/// (so ending the session, signing out everywhere or an administrator ending the user's sessions revokes them, and no
/// other device's), the session id (OpenID Connect's <c>sid</c>, which the token endpoint checks), the outside
/// provider the session began at, and each claim's destinations. The one place a user's decision is audited, too.
/// </summary>
internal sealed class AuthorizationIssuer(UserClaims userClaims, SessionTokens sessionTokens, AuditLog audit)
{
    public async Task<ClaimsIdentity> IdentityAsync(CurrentSession session, string clientId, ImmutableArray<string> scopes,
        CancellationToken cancellationToken)
    {
        var identity = await userClaims.CreateAsync(session.User, scopes, session.Methods, session.AuthenticatedAt);
        identity.SetClaim(SessionCookies.IdentityProviderClaim, session.IdentityProvider);
        identity.SetAuthorizationId(await sessionTokens.AuthorizationForClientAsync(session.SessionId, session.User.Id, clientId,
            new ClaimsPrincipal(identity), identity.GetScopes(), cancellationToken));
        identity.SetClaim(SessionCookies.SessionIdClaim, session.SessionId.ToString());
        identity.SetDestinations(ClaimDestinations.For);
        return identity;
    }

    /// <summary>The user allowed or refused an application (<see cref="AuditEventTypes"/>: consent, device).</summary>
    public Task RecordDecisionAsync(string type, CurrentSession session, string? address, string details,
        CancellationToken cancellationToken) =>
        audit.RaiseAsync(type, session.User.UserName ?? session.User.Id, session.User.Id, address, details, cancellationToken);
}
