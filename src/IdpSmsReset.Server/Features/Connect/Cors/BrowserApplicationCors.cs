using IdpSmsReset.Server.Features.Connect.Registration;
using IdpSmsReset.Server.Hosting;
using Microsoft.Net.Http.Headers;

namespace IdpSmsReset.Server.Features.Connect.Cors;

/// <summary>
/// CORS for browser applications (single-page applications with PKCE): without it a browser refuses them the token
/// endpoint's answer, so no SPA library (oidc-client-ts, MSAL.js) can sign anyone in. Discovery and the key set are
/// public documents, readable from anywhere; the token, userinfo and revocation endpoints answer an origin only when
/// it is the origin of some registered redirect URI (see <see cref="ApplicationOrigins"/>). No credentials: these
/// requests carry tokens, never cookies, so no page can act with a user's session through them.
/// </summary>
public sealed class BrowserApplicationCors(RequestDelegate next, ApplicationOrigins origins)
{
    private static readonly string[] PublicDocuments = ["/.well-known/openid-configuration", "/.well-known/jwks"];

    private static readonly string[] ApplicationEndpoints =
    [
        OpenIddictHosting.TokenEndpoint, OpenIddictHosting.UserInfoEndpoint, OpenIddictHosting.RevocationEndpoint,
        RegistrationEndpoints.Path,
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        var path = context.Request.Path;
        var allowed = origin.Length > 0 && (PublicDocuments.Any(document => path.Equals(document, StringComparison.OrdinalIgnoreCase))
            || (ApplicationEndpoints.Any(endpoint => path.StartsWithSegments(endpoint, StringComparison.OrdinalIgnoreCase))
                && await origins.IsRegisteredAsync(origin, context.RequestAborted)));
        if (!allowed)
        {
            await next(context);
            return;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = HeaderNames.Origin;
        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.AccessControlRequestMethod.Count > 0)
        {
            headers.AccessControlAllowMethods = "GET, POST, PUT, DELETE";
            headers.AccessControlAllowHeaders = "Authorization, Content-Type, DPoP";
            headers.AccessControlMaxAge = "600";
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        headers.AccessControlExposeHeaders = "WWW-Authenticate, DPoP-Nonce";
        await next(context);
    }
}
