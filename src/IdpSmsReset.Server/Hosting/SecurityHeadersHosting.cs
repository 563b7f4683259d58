namespace IdpSmsReset.Server.Hosting;

public static class SecurityHeadersHosting
{
    // Hosted pages load nothing from elsewhere; form-action allows redirects after a POST to any RP.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none';" +
            " object-src 'none'";

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
                        headers.ContentSecurityPolicy = ContentSecurityPolicy;
                    }
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
