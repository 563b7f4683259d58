using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Applications.Registration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Telemetry;
using Microsoft.AspNetCore;
using System.Security.Claims;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// The token endpoint after OpenIddict has authenticated the client and validated the grant. For user grants it
/// checks again, in the database, that the user exists, may sign in and has not changed credentials since the grant,
/// and that the session the grant came from has not ended (refresh tokens of <c>offline_access</c> outlive it).
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, SignInManager<ApplicationUser> signIn, UserClaims userClaims, IOpenIddictTokenManager tokens,
            SignInEligibility eligibility, UserSessionService sessions, SessionTokens sessionTokens, IdpMetrics metrics,
            IOpenIddictApplicationManager applications, TimeProvider time, AuditLog audit, ILoggerFactory loggers)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The token request cannot be retrieved.");

        // Resolved only for a self-registered application: every other token request pays nothing for it.
        if (RegisteredClientUse.IsRegistered(request.ClientId))
        {
            await context.RequestServices.GetRequiredService<RegisteredClientUse>().NoteAsync(request.ClientId!, context.RequestAborted);
        }

        if (request.IsClientCredentialsGrantType())
        {
            metrics.TokenIssued(request.GrantType, request.ClientId);
            return IssueForClient(request);
        }

        if (request.IsTokenExchangeGrantType())
        {
            var exchanged = await TokenExchangeGrant.HandleAsync(context, request, signIn, eligibility, userClaims, applications, audit,
                loggers.CreateLogger(typeof(TokenExchangeGrant).FullName!));
            metrics.TokenIssued(request.GrantType, request.ClientId);
            return exchanged;
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType() && !request.IsDeviceCodeGrantType())
        {
            // OpenIddict refuses grants it was not told to allow; this guards against a grant added later by mistake.
            return OAuthErrors.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
        }

        var grant = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("OpenIddict validated a grant without a principal.");
        if (request.IsRefreshTokenGrantType() && !await TryRedeemAsync(tokens, grant))
        {
            return OAuthErrors.InvalidGrant("The specified refresh token has already been used.");
        }

        var user = await signIn.UserManager.FindByIdAsync(grant.GetClaim(Claims.Subject)!);
        if (user is null)
        {
            return OAuthErrors.InvalidGrant("The user no longer exists.");
        }

        if (!await eligibility.MaySignInAsync(user))
        {
            return OAuthErrors.InvalidGrant("The user is no longer allowed to sign in.");
        }

        if (!userClaims.HasCurrentSecurityStamp(grant, user))
        {
            return OAuthErrors.InvalidGrant("The grant was revoked because the user's credentials changed.");
        }

        if (SessionCookies.CurrentSessionId(grant) is { } sessionId
            && (request.IsAuthorizationCodeGrantType() || request.IsDeviceCodeGrantType() || !grant.HasScope(Scopes.OfflineAccess))
            && !await sessions.IsActiveAsync(user.Id, sessionId, context.RequestAborted))
        {
            return OAuthErrors.InvalidGrant("The session the grant was issued in has ended.");
        }

        // Keeps OpenIddict's own claims (scopes, authorization, presenters); refreshes what describes the user.
        var identity = new ClaimsIdentity(grant.Claims, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        await userClaims.RefreshAsync(identity, user);
        if (request.IsDeviceCodeGrantType() && SessionCookies.CurrentSessionId(grant) is { } approvingSession)
        {
            // OpenIddict files a device code under an authorization of its own, made when the device asked; the tokens
            // belong to the session that approved it instead, so that ending that session revokes them.
            identity.SetAuthorizationId(await sessionTokens.AuthorizationForClientAsync(approvingSession, user.Id, request.ClientId!,
                new ClaimsPrincipal(identity), identity.GetScopes(), context.RequestAborted));
        }

        identity.SetDestinations(ClaimDestinations.For);
        if (request.IsRefreshTokenGrantType() && grant.GetExpirationDate() is { } chainEnds
            && await ExpiresAbsolutelyAsync(applications, request.ClientId, context.RequestAborted))
        {
            // The new refresh token ends when the one it replaces would have: the chain keeps its first deadline.
            identity.SetRefreshTokenLifetime(chainEnds - time.GetUtcNow());
        }

        metrics.TokenIssued(request.GrantType, request.ClientId);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<bool> ExpiresAbsolutelyAsync(IOpenIddictApplicationManager applications, string? clientId,
        CancellationToken cancellationToken) =>
        clientId is not null && await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
        && ApplicationDescriptorMapper.HasAbsoluteRefreshExpiry(await applications.GetPropertiesAsync(application, cancellationToken));

    /// <summary>
    /// Marks the refresh token used, under its concurrency token, so that of several parallel requests one wins.
    /// OpenIddict redeems it too, but deliberately ignores a lost race for refresh tokens, and lets a token already
    /// redeemed through within its reuse leeway (its own redeem then answers true): only a token still valid may win.
    /// </summary>
    private static async Task<bool> TryRedeemAsync(IOpenIddictTokenManager tokens, ClaimsPrincipal grant)
    {
        var token = grant.GetTokenId() is { } id ? await tokens.FindByIdAsync(id) : null;
        return token is not null && await tokens.HasStatusAsync(token, Statuses.Valid) && await tokens.TryRedeemAsync(token);
    }

    private static IResult IssueForClient(OpenIddictRequest request)
    {
        // The client is the subject; OpenIddict has already checked its secret and its scope permissions.
        var identity = UserClaims.NewIdentity();
        identity.SetClaim(Claims.Subject, request.ClientId).SetClaim(Claims.Name, request.ClientId);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(ClaimDestinations.For);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
