using IdpSmsReset.Server.Features.Api.Applications;
using IdpSmsReset.Server.Features.Api.Audit;
using IdpSmsReset.Server.Features.Api.Keys;
using IdpSmsReset.Server.Features.Api.Messages;
using IdpSmsReset.Server.Features.Api.Policies;
using IdpSmsReset.Server.Features.Api.Users;
using IdpSmsReset.Server.Features.Scim;

namespace IdpSmsReset.Server.Hosting;

public static class ApiHosting
{
    /// <summary>
    /// The management API's door: OpenIddict's validation of this server's own access tokens (locally: its keys, and the
    /// token's entry, so a revoked token stops at once).
    /// </summary>
    public static WebApplicationBuilder AddIdpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenIddict().AddValidation(validation =>
        {
            validation.UseLocalServer();
            validation.EnableTokenEntryValidation();
            validation.EnableAuthorizationEntryValidation();
            validation.UseAspNetCore();
        });
        builder.Services.AddOpenApi(Features.Api.ApiDescription.Configure);
        return builder;
    }

    /// <summary><c>/api/v1</c> and <c>/scim/v2</c>, unless <c>Idp:Api:Enabled</c> is false.</summary>
    public static WebApplication MapIdpApi(this WebApplication app)
    {
        if (!IdpOptions.ReadAtRegistration(app.Configuration).Api.Enabled)
        {
            return app;
        }

        app.MapUserEndpoints();
        app.MapApplicationEndpoints();
        app.MapPolicyEndpoints();
        app.MapKeyEndpoints();
        app.MapAuditEndpoints();
        app.MapMessageEndpoints();
        app.MapScimEndpoints();
        if (IdpOptions.ReadAtRegistration(app.Configuration).Api.Docs ?? app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
        }
        return app;
    }
}
