using IdpSmsReset.Core.Applications.Registration;

namespace IdpSmsReset.Server.Hosting;

public static class ClientRegistrationHosting
{
    /// <summary>
    /// Dynamic client registration (RFC 7591, 7592): its settings, its owner in Core, and the one outbound read it makes.
    /// </summary>
    public static WebApplicationBuilder AddIdpClientRegistration(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DynamicClientRegistrationOptions>()
            .BindSection(builder.Configuration, DynamicClientRegistrationOptions.SectionName)
            .Validate(registration => !registration.Validate().Any(),
                "Idp:DynamicClientRegistration is out of range (see DynamicClientRegistrationOptions).")
            .ValidateOnStart();
        builder.Services.AddScoped<ClientRegistrations>();
        builder.Services.AddScoped<RegisteredClientUse>();
        builder.Services.AddScoped<InitialAccessTokens>();
        // A jwks_uri is the registrant's choice: never this machine or a private network, Development included.
        builder.Services.AddHttpClient<ClientKeySetFetcher>()
            .ConfigurePrimaryHttpMessageHandler(() => Core.Net.OutboundDestinations.Handler(allowInternal: false));
        return builder;
    }
}
