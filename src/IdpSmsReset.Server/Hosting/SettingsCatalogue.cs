using System.Collections;
using System.Globalization;
using System.Reflection;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Every setting there is, read off <see cref="IdpOptions"/>: one entry per key with its default (for README's table and
/// its test), and the keys a configuration sets that are no setting (a misspelling stops the start, naming the key).
/// </summary>
public static class SettingsCatalogue
{
    /// <summary>Each key under <c>Idp:</c>, with the default of a new <see cref="IdpOptions"/> (null: none, or decided at start).</summary>
    public static IReadOnlyList<SettingEntry> Entries { get; } = [.. EntriesOf(new IdpOptions(), IdpOptions.SectionName)];

    /// <summary>
    /// The keys under <c>Idp:</c> in <paramref name="configuration"/> that no settings class takes, by full path; a key
    /// under an old name (<see cref="RenamedSettings"/>) is read as its new one, so it is not among them.
    /// </summary>
    public static IReadOnlyList<string> UnknownKeys(IConfiguration configuration) =>
        [.. UnknownKeys(configuration.GetSection(IdpOptions.SectionName), typeof(IdpOptions))
            .Where(key => !RenamedSettings.IsOldName(key))];

    private static IEnumerable<string> UnknownKeys(IConfigurationSection section, Type type)
    {
        var settings = SettingsOf(type).ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            if (!settings.TryGetValue(child.Key, out var property))
            {
                yield return child.Path;
            }
            else if (IsSection(property.PropertyType))
            {
                foreach (var unknown in UnknownKeys(child, property.PropertyType))
                {
                    yield return unknown;
                }
            }
        }
    }

    private static IEnumerable<SettingEntry> EntriesOf(object settings, string path)
    {
        foreach (var property in SettingsOf(settings.GetType()))
        {
            var key = $"{path}:{property.Name}";
            var value = property.GetValue(settings);
            if (IsSection(property.PropertyType))
            {
                foreach (var entry in EntriesOf(value!, key))
                {
                    yield return entry;
                }
            }
            else
            {
                yield return new SettingEntry(key, Format(value));
            }
        }
    }

    // What the configuration binder sets: public properties with a public setter.
    private static IEnumerable<PropertyInfo> SettingsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod is { IsPublic: true });

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>As a person writes it in the configuration; null when there is no value to write (the default is decided later).</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        Uri uri => uri.ToString().TrimEnd('/'),
        ICollection { Count: 0 } => null,
        IEnumerable items and not string => string.Join(", ", items.Cast<object>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>One setting of <see cref="SettingsCatalogue"/>: its full key, and its default as it would be written (null: none).</summary>
public sealed record SettingEntry(string Key, string? Default);
