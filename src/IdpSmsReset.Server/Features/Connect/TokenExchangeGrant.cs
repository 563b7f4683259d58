using System.Security.Claims;
using System.Text.Json.Nodes;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Token exchange (RFC 8693), delegation only: a confidential service that received a user's access token gets one for
/// another audience, saying in <c>act</c> that it acts for the user. OpenIddict has checked the service (its secret or
/// key, the grant and the audience among its permissions) and the subject token (ours, valid, not revoked); this checks
/// the user may still sign in and that no scope is gained. Every exchange, and every refusal, is audited.
/// </summary>
internal static class TokenExchangeGrant
{
    /// <summary>RFC 8693 §4.1's actor claim (OpenIddict's own constant names another).</summary>
    public const string ActorClaim = "act";

    public static async Task<IResult> HandleAsync(HttpContext context, OpenIddictRequest request, SignInManager<ApplicationUser> signIn,
        UserClaims userClaims, AuditLog audit, ILogger logger)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        var subject = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("OpenIddict validated a subject token without a principal.");
        async Task<IResult> RefuseAsync(string? userId, string reason)
        {
            logger.TokenExchangeRefused(request.ClientId, reason);
            await audit.WriteAsync(AuditEventTypes.TokenExchangeRefused, request.ClientId ?? AuditActors.Anonymous, userId, address,
                reason, context.RequestAborted);
            return OAuthErrors.InvalidGrant(reason);
        }

        // A client_credentials token's subject is a client: there is no user to act for.
        var user = subject.GetClaim(Claims.Subject) is { } userId ? await signIn.UserManager.FindByIdAsync(userId) : null;
        if (user is null)
        {
            return await RefuseAsync(null, "The subject token does not stand for a user.");
        }

        if (!await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return await RefuseAsync(user.Id, "The user is no longer allowed to sign in.");
        }

        var granted = subject.GetScopes();
        var requested = request.GetScopes();
        if (requested.Except(granted).ToList() is { Count: > 0 } gained)
        {
            return await RefuseAsync(user.Id, $"The subject token was not granted {string.Join(' ', gained)}: an exchange gains no scope.");
        }

        var scopes = requested.IsEmpty ? granted.Remove(Scopes.OfflineAccess) : requested.Remove(Scopes.OfflineAccess);
        var methods = subject.GetClaims(Claims.AuthenticationMethodReference);
        var identity = await userClaims.CreateAsync(user, scopes, methods, AuthenticatedAtOf(subject));
        var audiences = (request.Audiences ?? []).OfType<string>().ToList();
        identity.SetAudiences(audiences);
        identity.SetClaim(ActorClaim, ActorOf(request.ClientId!, subject));
        identity.SetDestinations(claim => claim.Type == ActorClaim ? [Destinations.AccessToken] : ClaimDestinations.For(claim));

        var audience = string.Join(' ', audiences);
        logger.TokenExchanged(request.ClientId, user.Id, audience);
        await audit.WriteAsync(AuditEventTypes.TokenExchanged, request.ClientId!, user.Id, address,
            $"Exchanged a token of the user for audience '{audience}' with {string.Join(' ', scopes)}.", context.RequestAborted);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
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
