using IdpSmsReset.Server.Features.Account.External;
using IdpSmsReset.Server.Features.Admin.Audit;
using IdpSmsReset.Server.Features.Admin.Jobs;
using IdpSmsReset.Server.Features.Connect;
using IdpSmsReset.Server.Features.Connect.Cors;
using IdpSmsReset.Server.Features.Connect.Registration;
using IdpSmsReset.Server.Features.Webhooks;
using IdpSmsReset.Server.Theming;

namespace IdpSmsReset.Server.Hosting;

public static class PipelineHosting
{
    public static WebApplication UseIdpPipeline(this WebApplication app)
    {
        // Read raw: resolving the validated options here would report their problems ahead of every other section's.
        app.UseIdpForwardedHeaders(IdpOptions.ReadAtRegistration(app.Configuration).ForwardedHeaders);
        app.UseIdpSecurityHeaders();
        // Before OpenIddict (authentication) sees a preflight, which it would refuse.
        app.UseMiddleware<BrowserApplicationCors>();

        // In every environment: a failure shows the error page and a correlation id, never a stack trace.
        app.UseExceptionHandler("/error");
        // Errors OpenIddict cannot redirect (unknown client, unregistered redirect_uri) are rendered by /error.
        // Machine endpoints keep their own (JSON, WWW-Authenticate) error responses untouched.
        app.UseWhen(context => !IsMachineEndpoint(context.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseIdpMalformedRequestGuard(IsMachineEndpoint);
        app.UseMiddleware<Features.Api.ApiRequestLimits>();

        app.UseStaticFiles();
        app.UseIdpThemes();
        app.UseIdpLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdpJobsDashboard();
        return app;
    }

    private static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments(OpenIddictHosting.TokenEndpoint)
        || path.StartsWithSegments(OpenIddictHosting.UserInfoEndpoint)
        || path.StartsWithSegments(OpenIddictHosting.IntrospectionEndpoint)
        || path.StartsWithSegments(OpenIddictHosting.RevocationEndpoint)
        || path.StartsWithSegments(RegistrationEndpoints.Path)
        || path.StartsWithSegments("/api")
        || path.StartsWithSegments("/scim")
        || path.StartsWithSegments("/.well-known")
        || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/webhooks")
        || path.StartsWithSegments("/dev/twilio");

    public static WebApplication MapIdpEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapIdpLanguageSwitch();
        app.MapConnectEndpoints();
        app.MapExternalSignIn();
        app.MapIdpApi();
        app.MapIdpHealth();
        app.MapIdpMetrics();
        app.MapTwilioStatusWebhook();
        app.MapAuditExport();
        app.MapIdpSmsSandbox();
        return app;
    }
}
