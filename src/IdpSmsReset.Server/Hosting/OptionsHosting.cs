using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class OptionsHosting
{
    private const string DevelopmentFallbackIssuer = "http://localhost:5000";

    /// <summary>Binds the sealed options classes and validates them when the host starts.</summary>
    public static WebApplicationBuilder AddIdpOptions(this WebApplicationBuilder builder)
    {
        // Before anything reads the configuration: old names are read as the new ones from here on.
        builder.Services.AddSingleton(RenamedSettings.Apply(builder.Configuration));
        builder.Services.AddHostedService<RenamedSettingsWarning>();

        // Unknown keys anywhere under Idp: are refused by the validator, by their full path.
        builder.Services.AddOptions<IdpOptions>()
            .Bind(builder.Configuration.GetSection(IdpOptions.SectionName))
            .PostConfigure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                if (string.IsNullOrWhiteSpace(options.Issuer) && environment.IsDevelopment())
                {
                    options.Issuer = IssuerFromListenAddress(configuration["urls"]) ?? DevelopmentFallbackIssuer;
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdpOptions>, IdpOptionsValidator>();

        builder.Services.AddOptions<DatabaseOptions>()
            .BindSection(builder.Configuration, DatabaseOptions.SectionName)
            .Validate(options => Enum.IsDefined(options.Provider),
                $"Idp:Database:Provider must be one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.")
            .ValidateOnStart();

        return builder;
    }

    /// <summary>The first address of <c>--urls</c>, with a wildcard host made concrete (it is a link users follow).</summary>
    private static string? IssuerFromListenAddress(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        var normalised = first.Replace("://*", "://localhost").Replace("://+", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
