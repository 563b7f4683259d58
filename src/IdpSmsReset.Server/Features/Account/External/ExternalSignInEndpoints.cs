using System.Security.Claims;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Server.Federation;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Client.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account.External;

/// <summary>
/// Sign-in through an outside identity provider: <c>/connect/external/{name}</c> sends the person there (OpenIddict's
/// client: PKCE, state, nonce, and the issuer checked on return), and the callback turns who the upstream vouched for
/// into a user here (<see cref="FederatedSignIn"/>), then goes on through the same <see cref="SignInJourney"/> as a
/// password: policy, second factor, required actions, and back to the application.
/// </summary>
public static class ExternalSignInEndpoints
{
    public static IEndpointRouteBuilder MapExternalSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/connect/external/{name}", ChallengeAsync).ExcludeFromDescription();
        app.MapMethods(UpstreamCallbackRoute.Pattern, [HttpMethods.Get, HttpMethods.Post], CallbackAsync).ExcludeFromDescription()
            .DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// What the state token carries when a signed-in user links a provider (from the account page) instead of signing in:
    /// their id, checked again against the session the browser brings back.
    /// </summary>
    public const string LinkingUserItem = ".idp_link_user";

    /// <summary>Where the account page sends a signed-in user to link <paramref name="provider"/>.</summary>
    public static IActionResult LinkChallenge(string provider, string userId, string returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = returnUrl };
        properties.Items[OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = provider;
        properties.Items[LinkingUserItem] = userId;
        return new ChallengeResult(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme, properties);
    }

    /// <summary>Where a person is sent to sign in through <paramref name="name"/>, coming back to <paramref name="returnUrl"/>.</summary>
    public static string ChallengePath(string name, string returnUrl) =>
        $"/connect/external/{name}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private static async Task<IResult> ChallengeAsync(string name, string? returnUrl, HttpContext context, IdentityProviders providers)
    {
        var safeReturnUrl = LocalOr(returnUrl);
        if (await providers.FindAsync(name, context.RequestAborted) is not { Enabled: true } provider)
        {
            return Results.Redirect(ExternalSignInProblems.LoginUrl(safeReturnUrl, FederatedRefusal.ProviderUnavailable));
        }

        var properties = new AuthenticationProperties { RedirectUri = safeReturnUrl };
        properties.Items[OpenIddictClientAspNetCoreConstants.Properties.RegistrationId] = provider.Name;
        return Results.Challenge(properties, [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> CallbackAsync(string name, HttpContext context, IdentityProviders providers,
        FederatedSignIn federation, SignInJourney journey, SignInProgress progress, AuditLog audit, LinkGenerator links)
    {
        var address = context.Connection.RemoteIpAddress?.ToString();
        // A request OpenIddict could not even read (a POST that is no form): there is nothing to authenticate, and
        // asking would throw inside OpenIddict.
        if (context.GetOpenIddictClientRequest() is null)
        {
            await audit.RaiseAsync(AuditEventTypes.FederatedSignInFailed, AuditActors.Anonymous, null, address,
                $"An unreadable answer came back: {context.GetOpenIddictClientResponse()?.ErrorDescription}", context.RequestAborted);
            return Results.Redirect(ExternalSignInProblems.LoginUrl("/", ExternalSignInProblems.Failed));
        }

        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        var returnUrl = LocalOr(result.Properties?.RedirectUri);
        if (result.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            var error = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.Error);
            var description = result.Properties?.GetString(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription)
                ?? result.Failure?.Message;
            await audit.RaiseAsync(AuditEventTypes.FederatedSignInFailed, AuditActors.Anonymous, null, address,
                $"The upstream answered {error ?? "nothing usable"}: {description}", context.RequestAborted);
            return Results.Redirect(ExternalSignInProblems.LoginUrl(returnUrl, error == Errors.AccessDenied
                ? ExternalSignInProblems.Cancelled : ExternalSignInProblems.Failed));
        }

        // OpenIddict checked that the answer came to the address its request named; the name is checked here again.
        var provider = principal.FindFirst(Claims.Private.RegistrationId)?.Value != name ? null
            : await providers.FindAsync(name, context.RequestAborted);
        var identity = new FederatedIdentity(principal.FindFirst(Claims.Subject)?.Value, FirstValues(principal),
            [.. principal.FindAll(Claims.AuthenticationMethodReference).Select(claim => claim.Value)]);
        if (result.Properties?.Items.TryGetValue(LinkingUserItem, out var linkingUserId) == true)
        {
            return await LinkAsync(context, linkingUserId, provider, identity, returnUrl);
        }

        var (user, refusal) = await federation.ResolveAsync(provider, identity, address, context.RequestAborted);
        if (user is null)
        {
            return Results.Redirect(ExternalSignInProblems.LoginUrl(returnUrl, refusal));
        }

        var next = await journey.NextAsync(user, identity.ProvedWith(provider!), context.RequestAborted);
        return await progress.ContinueAsync(user, next, context.RequestAborted, identityProvider: provider!.Name) is { } page
            ? Results.Redirect(links.GetPathByPage(page, values: new { ReturnUrl = returnUrl }) ?? "/")
            : Results.LocalRedirect(returnUrl);
    }

    /// <summary>
    /// The end of linking: the upstream vouched for an identity, and the browser still holds the session of the user who
    /// started (someone else's browser, or a session ended meanwhile on any instance, links nothing).
    /// </summary>
    private static async Task<IResult> LinkAsync(HttpContext context, string? linkingUserId, IdentityProvider? provider,
        FederatedIdentity identity, string returnUrl)
    {
        var services = context.RequestServices;
        var session = await CurrentSession.ReadAsync(context,
            services.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Core.Users.ApplicationUser>>());
        var user = session?.User;
        var refusal = user is null || user.Id != linkingUserId ? Manage.LinkedSignInsModel.SessionChanged
            : await services.GetRequiredService<FederatedLinks>().AddAsync(user, provider, identity,
                context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
        var tempData = services.GetRequiredService<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionaryFactory>()
            .GetTempData(context);
        tempData[nameof(Manage.LinkedSignInsModel.Notice)] = refusal ?? Manage.LinkedSignInsModel.Linked;
        tempData.Save();
        return Results.LocalRedirect(returnUrl);
    }

    private static Dictionary<string, string> FirstValues(ClaimsPrincipal principal) =>
        principal.Claims.GroupBy(claim => claim.Type, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);

    private static string LocalOr(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
