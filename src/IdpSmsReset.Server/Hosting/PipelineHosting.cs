using IdpSmsReset.Server.Features.Connect;

namespace IdpSmsReset.Server.Hosting;

public static class PipelineHosting
{
    public static WebApplication UseIdpPipeline(this WebApplication app)
    {
        app.UseIdpSecurityHeaders();

        // In every environment: a failure shows the error page and a correlation id, never a stack trace.
        app.UseExceptionHandler("/error");
        // Errors OpenIddict cannot redirect (unknown client, unregistered redirect_uri) are rendered by /error.
        app.UseStatusCodePagesWithReExecute("/error/{0}");

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapIdpEndpoints(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapConnectEndpoints();
        return app;
    }
}
