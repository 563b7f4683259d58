using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.SignIn;
using Microsoft.AspNetCore;
using System.Security.Claims;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Server.Features.Account;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// The authorization endpoint after OpenIddict has validated the request: sends the user to the login page when
/// needed, asks for consent where the application requires it, and issues the authorization code.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        SignInManager<ApplicationUser> signIn,
        IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations,
        IOpenIddictTokenManager tokens,
        AuthorizationIssuer issuer,
        SignInJourney journey,
        SignInProgress progress,
        LinkGenerator links,
        IAntiforgery antiforgery,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The authorization request cannot be retrieved.");

        // A session from before the user's policy (or the user) started requiring a second factor is not done: no
        // request, prompt=none included, gets a code without one.
        var session = await CurrentSession.ReadAsync(context, signIn);
        var needsSignIn = session is null ? "no valid session"
            : request.HasPromptValue(PromptValues.Login) && !await LoginPromptAnsweredAsync(session, request, tokens, context)
                ? "prompt=login"
            : IsTooOld(session, request.MaxAge, time) ? "max_age exceeded"
            : !await journey.IsDoneAsync(session.User, session.Methods, context.RequestAborted) ? "a second factor is due"
            : null;
        if (session is null || needsSignIn is not null)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return OAuthErrors.Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            loggers.CreateLogger(typeof(AuthorizeEndpoint).FullName!).AuthorizationNeedsSignIn(request.ClientId,
                needsSignIn ?? "no valid session");
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = AuthorizationRequestUrl.Build(context.Request, context.Request.Path,
                    request, withoutLoginPrompt: true) },
                [IdentityConstants.ApplicationScheme]);
        }

        if (AuthenticationContexts.DemandsSecondFactor(request.AcrValues)
            && !session.Methods.Contains(AuthenticationMethods.MultiFactor))
        {
            return await StepUpAsync(context, request, session, journey, progress, links, loggers);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict validated a client that cannot be found.");
        var applicationId = await applications.GetIdAsync(application);
        var granted = await authorizations.FindAsync(
            subject: session.User.Id, client: applicationId, status: Statuses.Valid,
            type: AuthorizationTypes.Permanent, scopes: request.GetScopes()).FirstOrDefaultAsync();

        var decision = await ReadConsentDecisionAsync(context, request, antiforgery);
        if (decision == ConsentDecision.Deny)
        {
            await issuer.RecordDecisionAsync(AuditEventTypes.ConsentDenied, session, null,
                $"Scopes: {string.Join(' ', request.GetScopes())}.", context.RequestAborted);
            return OAuthErrors.Forbid(Errors.AccessDenied, "The user denied the authorization request.");
        }

        var consentType = await applications.GetConsentTypeAsync(application);
        var mustAsk = consentType == ConsentTypes.Explicit
            && decision != ConsentDecision.Accept
            && (granted is null || request.HasPromptValue(PromptValues.Consent));
        if (mustAsk)
        {
            return request.HasPromptValue(PromptValues.None)
                ? OAuthErrors.Forbid(Errors.ConsentRequired, "The user has not consented to this application.")
                : Results.Redirect(AuthorizationRequestUrl.Build(context.Request, ConsentPath, request));
        }

        // The tokens belong to this session's own authorization, so that revoking it (a replayed code, the session
        // ending) reaches this session's tokens and no other device's.
        var identity = await issuer.IdentityAsync(session, request.ClientId!, request.GetScopes(), context.RequestAborted);
        // The consent: one permanent record per user and application, asked for once.
        granted ??= await authorizations.CreateAsync(
            principal: new ClaimsPrincipal(identity), subject: session.User.Id, client: applicationId!,
            type: AuthorizationTypes.Permanent, scopes: identity.GetScopes());
        if (decision == ConsentDecision.Accept)
        {
            await issuer.RecordDecisionAsync(AuditEventTypes.ConsentGranted, session, null,
                $"Scopes: {string.Join(' ', identity.GetScopes())}.", context.RequestAborted);
        }

        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public const string ConsentPath = "/connect/consent";

    /// <summary>
    /// The application asked for two factors (<c>acr_values=mfa</c>) of a session that proved a password alone: the user
    /// shows a second factor now, without typing the password again, or sets one up where the policy offers one; a
    /// user with neither gets <c>unmet_authentication_requirements</c> (OpenID Connect Unmet Authentication Requirements
    /// 1.0), never a code whose <c>acr</c> the application would have to notice falls short.
    /// </summary>
    private static async Task<IResult> StepUpAsync(HttpContext context, OpenIddictRequest request, CurrentSession session,
        SignInJourney journey, SignInProgress progress, LinkGenerator links, ILoggerFactory loggers)
    {
        if (request.HasPromptValue(PromptValues.None))
        {
            return OAuthErrors.Forbid(Errors.InteractionRequired, "The application asked for a second factor, which needs the user.");
        }

        var next = await journey.NextAsync(session.User, [AuthenticationMethods.Password], context.RequestAborted,
            secondFactorDemanded: true);
        if (next.Step == SignInStep.Enrol && next.Factors is { CanEnrol: false })
        {
            loggers.CreateLogger(typeof(AuthorizeEndpoint).FullName!).StepUpUnmet(request.ClientId);
            return OAuthErrors.Forbid(UnmetAuthenticationRequirements,
                "The user has no second factor and their policy offers none to set up.");
        }

        loggers.CreateLogger(typeof(AuthorizeEndpoint).FullName!).AuthorizationNeedsSignIn(request.ClientId, "acr_values=mfa");
        var page = await progress.ContinueAsync(session.User, next, context.RequestAborted, secondFactorDemanded: true);
        var returnUrl = AuthorizationRequestUrl.Build(context.Request, context.Request.Path, request, withoutLoginPrompt: true);
        return Results.Redirect(page is null ? returnUrl
            : links.GetPathByPage(context, page, values: new { ReturnUrl = returnUrl }) ?? returnUrl);
    }

    /// <summary>OpenID Connect Unmet Authentication Requirements 1.0: the requested <c>acr</c> cannot be met.</summary>
    public const string UnmetAuthenticationRequirements = "unmet_authentication_requirements";

    /// <summary>
    /// A plain request loses prompt=login on its way to the login page; a pushed one keeps it, so a sign-in after the
    /// request was pushed is what answers it. OpenIddict records the push in whole seconds: a session must begin after
    /// that second ends, so a sign-in within the second of the push (only a script is that fast) is asked again.
    /// </summary>
    private static async Task<bool> LoginPromptAnsweredAsync(CurrentSession session, OpenIddictRequest request,
        IOpenIddictTokenManager tokens, HttpContext context) =>
        PushedRequest.IsPushed(context.Request)
        && await PushedRequest.PushedAtAsync(request, tokens, context.RequestAborted) is { } pushedAt
        && session.AuthenticatedAt >= pushedAt.AddSeconds(1);

    private static bool IsTooOld(CurrentSession session, long? maxAge, TimeProvider time) =>
        maxAge is { } seconds && time.GetUtcNow() - session.AuthenticatedAt > TimeSpan.FromSeconds(seconds);

    /// <summary>A decision counts only when posted from our consent page: a link cannot carry one.</summary>
    private static async Task<string?> ReadConsentDecisionAsync(HttpContext context, OpenIddictRequest request,
        IAntiforgery antiforgery)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            return null;
        }

        var decision = context.Request.Form[ConsentDecision.FieldName].ToString();
        if (decision is not (ConsentDecision.Accept or ConsentDecision.Deny))
        {
            return null;
        }

        // A pushed request's scopes are not in its URL: an approval of other scopes, shown by a crafted consent link,
        // is asked again with the real ones.
        if (decision == ConsentDecision.Accept && !PushedRequest.ConsentCoversScopes(context.Request, request))
        {
            return null;
        }

        return await antiforgery.IsRequestValidAsync(context) ? decision : null;
    }
}
