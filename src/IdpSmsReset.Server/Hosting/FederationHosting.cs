using IdpSmsReset.Core.Federation;
using IdpSmsReset.Server.Federation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Client;
using OpenIddict.Client.AspNetCore;

namespace IdpSmsReset.Server.Hosting;

/// <summary>Sign-in through outside identity providers (OpenIddict's client), their definitions and the users they bring.</summary>
public static class FederationHosting
{
    public static WebApplicationBuilder AddIdpFederation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IdentityProviderProtection>();
        builder.Services.AddSingleton(new UpstreamIssuerRule(AllowLoopbackHttp: builder.Environment.IsDevelopment()));
        builder.Services.AddScoped<IdentityProviders>();
        builder.Services.AddScoped<FederatedSignIn>();
        builder.Services.AddScoped<FederatedLinks>();
        builder.Services.AddSingleton<UpstreamDirectory>();

        builder.Services.AddOpenIddict().AddClient(options =>
        {
            options.AllowAuthorizationCodeFlow();
            options.SetRedirectionEndpointUris(UpstreamCallbackRoute.StartupEndpoint);
            options.AddEventHandler(UpstreamCallbackRoute.Descriptor);
            var aspNetCore = options.UseAspNetCore()
                .EnableRedirectionEndpointPassthrough()
                .EnableErrorPassthrough();
            if (builder.Environment.IsDevelopment())
            {
                aspNetCore.DisableTransportSecurityRequirement();
            }

            options.UseSystemNetHttp().SetProductInformation(typeof(FederationHosting).Assembly);
        });
        if (builder.Environment.IsDevelopment())
        {
            // The cookie tying the upstream's answer to the browser that was sent there is Secure and SameSite=None by
            // default, which plain http on loopback (Development, the tests) never sends back.
            builder.Services.Configure<OpenIddictClientAspNetCoreOptions>(aspNetCore =>
            {
                aspNetCore.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                aspNetCore.CookieBuilder.SameSite = SameSiteMode.Lax;
            });
        }

        builder.Services.AddSingleton<UpstreamClientCredentials>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictClientOptions>>(services =>
            services.GetRequiredService<UpstreamClientCredentials>());
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictClientOptions>>(services =>
            services.GetRequiredService<UpstreamClientCredentials>());
        builder.Services.Replace(ServiceDescriptor.Singleton<OpenIddictClientService, UpstreamRegistrations>());
        return builder;
    }
}
