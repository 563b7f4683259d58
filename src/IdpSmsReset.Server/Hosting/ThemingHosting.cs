using IdpSmsReset.Server.Theming;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

public static class ThemingHosting
{
    /// <summary>Themes from <c>Idp:Themes:Path</c>, checked at start, and the resolver every hosted page asks.</summary>
    public static WebApplicationBuilder AddIdpThemes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ThemeOptions>()
            .BindSection(builder.Configuration, ThemeOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ThemeOptions>, ThemeOptionsValidator>();
        builder.Services.AddSingleton<ThemeCatalog>();
        builder.Services.AddSingleton<ThemeResolver>();
        return builder;
    }

    /// <summary>Reads the themes folder at start, so that a missing or broken theme stops the start with its name.</summary>
    private sealed class ThemeOptionsValidator : IValidateOptions<ThemeOptions>
    {
        public ValidateOptionsResult Validate(string? name, ThemeOptions options)
        {
            var (_, problems) = ThemeCatalog.Load(options.ResolvedPath, options.Default);
            return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
        }
    }
}
