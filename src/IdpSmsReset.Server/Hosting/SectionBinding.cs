using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// How every settings class is bound to its section of <see cref="IdpOptions"/>. A key the class does not have stops the
/// start rather than being ignored (a misspelt limit would otherwise silently keep its default): the whole <c>Idp</c>
/// tree is checked once, by <see cref="IdpOptionsValidator"/> through <see cref="SettingsCatalogue.UnknownKeys"/>, which
/// names the key by its full path, once; the binder's own check would name only the class, and each binding again.
/// </summary>
public static class SectionBinding
{
    public static OptionsBuilder<T> BindSection<T>(this OptionsBuilder<T> options, IConfiguration configuration, string sectionName)
        where T : class
    {
        if (!sectionName.StartsWith(IdpOptions.SectionName + ":", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{sectionName} is outside the catalogue: every setting is under {IdpOptions.SectionName}:.");
        }

        return options.Bind(configuration.GetSection(sectionName));
    }
}
