using System.Globalization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.ApiUse;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Api;

/// <summary>
/// Who may call the management API and SCIM: a bearer access token this server issued (validated locally: signature,
/// expiry, not revoked) to an application by <c>client_credentials</c> (its subject is the application itself, so no
/// user's token, whatever its scopes, ever administers anything), carrying one of the scopes the operation names.
/// RFC 6750: 401 without a valid token, 403 <c>insufficient_scope</c> without the scope; then each application's calls a
/// minute (<see cref="ApiCallBudget"/>), 429 beyond.
/// </summary>
internal static class ApiAccess
{
    private const string CallerKey = "idp:api-caller";
    private const string ScopesKey = "idp:api-scopes";

    /// <summary>Lets the request through with one of <paramref name="scopes"/>; the caller is then <see cref="Caller"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is not { } principal || principal.GetClaim(Claims.Subject) is not { } subject
                || subject != (principal.GetClaim(Claims.ClientId) ?? principal.GetPresenters().FirstOrDefault()))
            {
                Logger(http).ApiRefused(http.Request.Path, result.Properties?.GetString(
                        OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription)
                    ?? (result.Principal is null ? "no bearer token" : "not a client_credentials token"));
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return ApiProblems.Of(StatusCodes.Status401Unauthorized, "invalid-token",
                    "A bearer access token from this server's client_credentials grant is required.");
            }

            if (!scopes.Any(principal.HasScope))
            {
                Logger(http).ApiRefused(http.Request.Path, "the token lacks " + string.Join(" or ", scopes));
                http.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{string.Join(' ', scopes)}\"";
                return ApiProblems.Of(StatusCodes.Status403Forbidden, "insufficient-scope",
                    $"The token needs the scope {string.Join(" or ", scopes)}.");
            }

            var perMinute = http.RequestServices.GetRequiredService<IOptions<IdpOptions>>().Value.Api.RequestsPerMinutePerClient;
            var (admitted, nextWindow) = await http.RequestServices.GetRequiredService<ApiCallBudget>()
                .TryAdmitAsync(subject, perMinute, http.RequestAborted);
            if (!admitted)
            {
                Logger(http).ApiRefused(http.Request.Path, $"the application's {perMinute} calls of this minute are spent");
                var wait = nextWindow - http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ApiProblems.Of(StatusCodes.Status429TooManyRequests, "too-many-requests",
                    $"This application may make {perMinute} calls a minute (Idp:Api:RequestsPerMinutePerClient); "
                    + "try again after Retry-After.");
            }

            http.Items[CallerKey] = new Administrator($"application:{subject}", http.Connection.RemoteIpAddress?.ToString());
            http.Items[ScopesKey] = principal.GetScopes();
            return await next(context);
        });

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiAccess).FullName!);

    /// <summary>Whether the caller's token also carries <paramref name="scope"/> (beyond the one that let it in).</summary>
    public static bool CallerHas(HttpContext context, string scope) =>
        context.Items[ScopesKey] is IEnumerable<string> scopes && scopes.Contains(scope, StringComparer.Ordinal);

    /// <summary>The application calling, as the audit names it (<c>application:&lt;client id&gt;</c>).</summary>
    public static Administrator Caller(HttpContext context) =>
        context.Items[CallerKey] as Administrator ?? throw new InvalidOperationException("The API's access filter did not run.");
}
