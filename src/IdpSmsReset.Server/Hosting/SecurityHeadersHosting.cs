namespace IdpSmsReset.Server.Hosting;

public static class SecurityHeadersHosting
{
    // Hosted pages load nothing from elsewhere; form-action allows redirects after a POST to any RP.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none';" +
            " object-src 'none'";

    private const string ScriptNonceKey = "idp:script-nonce";

    /// <summary>
    /// A fresh nonce for the one page that needs an inline script (the API reference, a third party's page: its
    /// configuration is an inline script and its styles are injected), which then gets a policy naming that nonce.
    /// </summary>
    public static string ScriptNonceOf(HttpContext context)
    {
        if (context.Items[ScriptNonceKey] is not string nonce)
        {
            // Hex: nothing in it that HTML or a URL would escape differently from the header.
            nonce = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            context.Items[ScriptNonceKey] = nonce;
        }

        return nonce;
    }

    private static string PolicyOf(HttpContext context) => context.Items[ScriptNonceKey] is string nonce
        ? $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
            + $"script-src 'self' 'nonce-{nonce}'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
        : ContentSecurityPolicy;

    public static IApplicationBuilder UseIdpSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                {
                    headers.CacheControl = "no-store";
                    // OpenIddict's form_post response (from the authorization endpoint only) submits itself with an
                    // inline script of its own; every other page, the consent page included, gets the policy.
                    if (!context.Request.Path.StartsWithSegments(OpenIddictHosting.AuthorizationEndpoint))
                    {
                        headers.ContentSecurityPolicy = PolicyOf(context);
                    }
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
