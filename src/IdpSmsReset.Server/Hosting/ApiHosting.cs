using IdpSmsReset.Server.Features.Api.FraudGuard;
using IdpSmsReset.Server.Features.Api.Webhooks;
using IdpSmsReset.Server.Features.Api.IdentityProviders;
using IdpSmsReset.Server.Features.Api.Applications;
using IdpSmsReset.Server.Features.Api.Audit;
using IdpSmsReset.Server.Features.Api.Factors;
using IdpSmsReset.Server.Features.Api.Keys;
using IdpSmsReset.Server.Features.Api.Messages;
using IdpSmsReset.Server.Features.Api.Policies;
using IdpSmsReset.Server.Features.Api.Templates;
using IdpSmsReset.Server.Features.Api.Users;
using IdpSmsReset.Server.Features.Scim;
using Scalar.AspNetCore;

namespace IdpSmsReset.Server.Hosting;

public static class ApiHosting
{
    /// <summary>The interactive reference (Scalar), beside the description it reads.</summary>
    public const string ApiReferencePath = "/api/docs";

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
        builder.Services.AddScoped<Core.ApiUse.ApiCallBudget>();
        builder.Services.AddScoped<Core.Idempotency.IdempotencyKeys>();
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
        app.MapUserImportEndpoints();
        app.MapApplicationEndpoints();
        app.MapRegistrationTokenEndpoints();
        app.MapPolicyEndpoints();
        app.MapIdentityProviderEndpoints();
        app.MapWebhookEndpoints();
        app.MapKeyEndpoints();
        app.MapAuditEndpoints();
        app.MapMessageEndpoints();
        app.MapFactorEndpoints();
        app.MapFraudGuardEndpoints();
        app.MapSmsTemplateEndpoints();
        app.MapScimEndpoints();
        if (IdpOptions.ReadAtRegistration(app.Configuration).Api.Docs ?? app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
            app.MapScalarApiReference(ApiReferencePath, (options, context) => options
                .WithTitle("IdpSmsReset management API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .WithNonce(SecurityHeadersHosting.ScriptNonceOf(context)));
        }

        return app;
    }
}
