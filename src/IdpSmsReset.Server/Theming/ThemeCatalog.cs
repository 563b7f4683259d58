using System.Text.Json;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Theming;

/// <summary>
/// The themes found in <see cref="ThemeOptions.Path"/> at start: a new folder there appears after a restart, no
/// rebuild needed. A folder that cannot be read stops the start with a message naming it.
/// </summary>
public sealed class ThemeCatalog
{
    public const string RequestPath = "/themes";

    private static readonly string[] ColorNames = ["background", "surface", "text", "muted", "accent", "accentText", "error"];
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly Dictionary<string, Theme> _themes;

    public ThemeCatalog(IOptions<ThemeOptions> options)
    {
        Root = options.Value.ResolvedPath;
        var (themes, problems) = Load(Root, options.Value.Default);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(ThemeOptions.SectionName, typeof(ThemeOptions), problems);
        }

        _themes = themes;
        Default = _themes[options.Value.Default];
    }

    public string Root { get; }

    public Theme Default { get; }

    public IEnumerable<string> Names => _themes.Keys.Order(StringComparer.Ordinal);

    public Theme? Find(string? name) => name is null ? null : _themes.GetValueOrDefault(name);

    /// <summary>Every theme under <paramref name="root"/>, or what is wrong with the folder, its themes, or the default's name.</summary>
    public static (Dictionary<string, Theme> Themes, List<string> Problems) Load(string root, string defaultTheme)
    {
        var themes = new Dictionary<string, Theme>(StringComparer.Ordinal);
        var problems = new List<string>();
        if (!Directory.Exists(root))
        {
            problems.Add($"Idp:Themes:Path '{root}' does not exist: it must be a folder holding one folder per theme (the repository's" +
                $" themes/).");
            return (themes, problems);
        }

        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(folder);
            try
            {
                themes[name] = Read(name, folder);
            }
            catch (Exception exception) when (exception is IOException or JsonException or InvalidDataException)
            {
                problems.Add($"Theme '{name}' in '{root}' cannot be used: {exception.Message}");
            }
        }

        if (problems.Count == 0 && !themes.ContainsKey(defaultTheme))
        {
            problems.Add(themes.Count == 0
                ? $"Idp:Themes:Path '{root}' holds no theme folder."
                : $"Idp:Themes:Default '{defaultTheme}' is not a theme in '{root}'; there are" +
                    $" {string.Join(", ", themes.Keys.Order(StringComparer.Ordinal))}.");
        }

        return (themes, problems);
    }

    private static Theme Read(string name, string folder)
    {
        var file = System.IO.Path.Combine(folder, "theme.json");
        if (!File.Exists(file))
        {
            throw new InvalidDataException("theme.json is missing.");
        }

        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(file),
            Json) ?? throw new InvalidDataException("theme.json is empty.");
        var missing = ColorNames.Where(color => manifest.Colors?.ContainsKey(color) != true).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"theme.json colors lack {string.Join(", ", missing)}.");
        }

        string? before = null, after = null;
        if (manifest.Layout is { } layoutFile)
        {
            var layout = File.ReadAllText(System.IO.Path.Combine(folder, layoutFile)).Replace("{{themeUrl}}", $"{RequestPath}/{name}",
                StringComparison.Ordinal);
            var at = layout.IndexOf("{{body}}", StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidDataException($"{layoutFile} has no {{{{body}}}} placeholder for the page.");
            }

            (before, after) = (layout[..at], layout[(at + "{{body}}".Length)..]);
        }

        return new Theme(name, manifest.DisplayName ?? name, manifest.Colors!, manifest.Logo, manifest.Favicon,
            File.Exists(System.IO.Path.Combine(folder, "theme.css")), before, after);
    }

    private sealed record Manifest(string? DisplayName, Dictionary<string, string>? Colors, string? Logo, string? Favicon, string? Layout);
}
