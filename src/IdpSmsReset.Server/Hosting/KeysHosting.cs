using IdpSmsReset.Core.Keys;
using IdpSmsReset.Server.Keys;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace IdpSmsReset.Server.Hosting;

public static class KeysHosting
{
    /// <summary>
    /// The keys that sign and encrypt tokens (<c>Idp:Keys</c>): created, kept and rotated in the database, or read from
    /// the certificate files. Registered after the storage, so that its start-up load runs after the migrations.
    /// </summary>
    public static WebApplicationBuilder AddIdpKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TokenKeyOptions>()
            .BindSection(builder.Configuration, TokenKeyOptions.SectionName)
            .Validate(keys => !keys.Validate().Any(), "Idp:Keys is out of range (see TokenKeyOptions).")
            .ValidateOnStart();
        builder.Services.AddScoped<TokenKeyRing>();
        builder.Services.AddScoped<TokenKeyCommands>();
        builder.Services.AddSingleton<TokenKeyMaterial>();
        if (SourceOf(builder.Configuration) != TokenKeySource.Database)
        {
            return builder;
        }

        builder.Services.AddSingleton<TokenKeyCredentials>();
        builder.Services.AddHostedService<TokenKeyRefresher>();
        builder.Services.AddSingleton<TokenKeyServerOptions>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(services =>
            services.GetRequiredService<TokenKeyServerOptions>());
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(services =>
            services.GetRequiredService<TokenKeyServerOptions>());
        builder.Services.AddSingleton<TokenKeyValidationOptions>();
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>>(services =>
            services.GetRequiredService<TokenKeyValidationOptions>());
        builder.Services.AddSingleton<IPostConfigureOptions<OpenIddict.Validation.OpenIddictValidationOptions>>(services =>
            services.GetRequiredService<TokenKeyValidationOptions>());
        builder.Services.AddOpenIddict().AddServer(server => server.AddEventHandler(AccessTokenSigning.Descriptor));
        return builder;
    }

    /// <summary><c>Idp:Keys:Source</c>, else <c>Certificates</c> where a signing certificate is configured, else <c>Database</c>.</summary>
    public static TokenKeySource SourceOf(IConfiguration configuration) =>
        configuration.GetSection(TokenKeyOptions.SectionName).Get<TokenKeyOptions>()?.Source
        ?? (IdpOptions.ReadAtRegistration(configuration).Certificates.Signing.IsConfigured
            ? TokenKeySource.Certificates
            : TokenKeySource.Database);
}
