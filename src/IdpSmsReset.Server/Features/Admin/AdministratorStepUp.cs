using IdpSmsReset.Core.SignIn;
using System.Security.Claims;
using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Admin;

/// <summary>
/// With <c>Idp:Admin:RequireMfa</c>, the dashboard needs a session that showed a second factor. An administrator
/// whose session did not is sent to sign in again, where the role makes the second factor (or its enrolment) due,
/// rather than being told "forbidden".
/// </summary>
internal sealed class AdministratorStepUp(IOptions<IdpOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public static bool HasSecondFactor(ClaimsPrincipal user) =>
        user.HasClaim(Claims.AuthenticationMethodReference, AuthenticationMethods.MultiFactor);

    /// <summary>An administrator whose session lacks the second factor the dashboard requires.</summary>
    public bool MustStepUp(ClaimsPrincipal user) =>
        options.Value.Admin.RequireMfa && user.IsInRole(AdminAccess.Role) && !HasSecondFactor(user);

    public static string LoginUrl(HttpRequest request) =>
        IdentityHosting.LoginPath + QueryString.Create("ReturnUrl", request.PathBase + request.Path + request.QueryString);

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && MustStepUp(context.User))
        {
            context.Response.Redirect(LoginUrl(context.Request));
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
