using System.Security.Claims;
using System.Text.Json.Nodes;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Token exchange (RFC 8693), delegation only: a confidential service that received a user's access token gets one for
/// another audience, saying in <c>act</c> that it acts for the user. OpenIddict has checked the service (its secret or
/// key, the grant and each audience among its permissions) and the subject token (ours, valid, not revoked); this checks
/// that an audience is named, that the subject token was given to this service (issued to it or naming it as audience),
/// that the user may still sign in and that no scope is gained. The new token belongs to the subject token's
/// authorization, so it dies with the user's session. Every exchange, and every refusal, is audited.
/// </summary>
internal static class TokenExchangeGrant
{
    /// <summary>RFC 8693 §4.1's actor claim (OpenIddict's own constant names another).</summary>
    public const string ActorClaim = "act";

    public static async Task<IResult> HandleAsync(HttpContext context, OpenIddictRequest request, SignInManager<ApplicationUser> signIn,
        SignInEligibility eligibility, UserClaims userClaims, IOpenIddictApplicationManager applications, AuditLog audit, ILogger logger)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        var subject = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("OpenIddict validated a subject token without a principal.");
        async Task<IResult> RefuseAsync(string? userId, string reason, string error = Errors.InvalidGrant)
        {
            logger.TokenExchangeRefused(request.ClientId, reason);
            await audit.RaiseAsync(AuditEventTypes.TokenExchangeRefused, request.ClientId ?? AuditActors.Anonymous, userId, address,
                reason, context.RequestAborted);
            return OAuthErrors.Forbid(error, reason);
        }

        // OpenIddict checked each audience asked for against the service's permissions; none asked would mean a token
        // for no one in particular, which every resource (userinfo included) might take.
        var audiences = (request.Audiences ?? []).OfType<string>().Where(audience => audience.Length > 0).ToList();
        if (audiences.Count == 0)
        {
            return await RefuseAsync(null, "Name the audience the token is for: an exchange gives no token without one.",
                Errors.InvalidTarget);
        }

        // Delegation of access: a refresh or ID token stands for a session, not for access to give on.
        if (!subject.HasTokenType(TokenTypeIdentifiers.AccessToken))
        {
            return await RefuseAsync(null, "Only an access token can be exchanged.");
        }

        // A client_credentials token's subject is a client: there is no user to act for.
        var user = subject.GetClaim(Claims.Subject) is { } userId ? await signIn.UserManager.FindByIdAsync(userId) : null;
        if (user is null)
        {
            return await RefuseAsync(null, "The subject token does not stand for a user.");
        }

        if (!await eligibility.MaySignInAsync(user))
        {
            return await RefuseAsync(user.Id, "The user is no longer allowed to sign in.");
        }

        // The service acts on tokens given to it: issued to it, or naming it as their audience (an earlier exchange).
        if (!IsGivenTo(subject, request.ClientId!))
        {
            return await RefuseAsync(user.Id, "The subject token was neither issued to this service nor names it as its audience.");
        }

        var granted = subject.GetScopes();
        var requested = request.GetScopes();
        if (requested.Except(granted).ToList() is { Count: > 0 } gained)
        {
            return await RefuseAsync(user.Id, $"The subject token was not granted {string.Join(' ', gained)}: an exchange gains no scope.");
        }

        // Without a scope asked for, the subject's scopes that this service may have: OpenIddict checks only those asked.
        var scopes = requested.IsEmpty
            ? [.. granted.Intersect(await PermittedScopesAsync(applications, request.ClientId!, context.RequestAborted))]
            : requested.Remove(Scopes.OfflineAccess);
        var methods = subject.GetClaims(Claims.AuthenticationMethodReference);
        var identity = await userClaims.CreateAsync(user, scopes, methods, AuthenticatedAtOf(subject));
        identity.SetAudiences(audiences);
        // It belongs where the subject token does: ending the user's session revokes what was exchanged from it.
        identity.SetAuthorizationId(subject.GetAuthorizationId());
        identity.SetClaim(Account.SessionCookies.SessionIdClaim, subject.GetClaim(Account.SessionCookies.SessionIdClaim));
        identity.SetClaim(ActorClaim, ActorOf(request.ClientId!, subject));
        identity.SetDestinations(claim => claim.Type == ActorClaim ? [Destinations.AccessToken] : ClaimDestinations.For(claim));

        var audience = string.Join(' ', audiences);
        logger.TokenExchanged(request.ClientId, user.Id, audience);
        await audit.RaiseAsync(AuditEventTypes.TokenExchanged, request.ClientId!, user.Id, address,
            $"Exchanged a token of the user for audience '{audience}' with {string.Join(' ', scopes)}.", context.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool IsGivenTo(ClaimsPrincipal subject, string clientId) =>
        subject.GetPresenters().Contains(clientId, StringComparer.Ordinal)
        || subject.GetAudiences().Contains(clientId, StringComparer.Ordinal);

    private static async Task<IEnumerable<string>> PermittedScopesAsync(IOpenIddictApplicationManager applications, string clientId,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict authenticated a client that cannot be found.");
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        // openid needs no permission in OpenIddict: it only says the token stands for a user.
        return [Scopes.OpenId, .. permissions
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..])];
    }

    /// <summary>This service, and whoever acted before it (a token already exchanged), as RFC 8693 §4.1 nests them.</summary>
    private static JsonObject ActorOf(string clientId, ClaimsPrincipal subject)
    {
        var actor = new JsonObject { [Claims.Subject] = clientId };
        if (subject.GetClaim(ActorClaim) is { Length: > 0 } previous && JsonNode.Parse(previous) is JsonObject earlier)
        {
            actor[ActorClaim] = earlier;
        }

        return actor;
    }

    private static DateTimeOffset? AuthenticatedAtOf(ClaimsPrincipal subject) =>
        long.TryParse(subject.GetClaim(Claims.AuthenticationTime), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
