using Microsoft.Extensions.Options;
using System.Text.Json;

namespace IdpSmsReset.Server.Theming;

/// <summary>
/// The themes found in <see cref="ThemeOptions.Path"/> at start: a new folder there appears after a restart, no
/// rebuild needed. A folder that cannot be read stops the start with a message naming it.
/// </summary>
public sealed partial class ThemeCatalog
{
    public const string RequestPath = "/themes";

    private static readonly string[] ColorNames = ["background", "surface", "text", "muted", "accent", "accentText", "error"];
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip };

    // Accented letters stay letters in the page source; markup characters are encoded.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

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

        return new Theme(name, manifest.DisplayName ?? name, manifest.Colors!, manifest.Logo, manifest.Favicon,
            File.Exists(System.IO.Path.Combine(folder, "theme.css")), manifest.Layout is { } layoutFile
                ? Layouts(name, folder, layoutFile) : new Dictionary<string, ThemeLayout>());
    }

    /// <summary>
    /// The layout with its <c>{{text:key}}</c> placeholders filled from <c>strings.json</c> (every key the layout uses must
    /// be there) and, per language, from <c>strings.&lt;language&gt;.json</c>, a key it lacks falling back to strings.json's.
    /// </summary>
    private static Dictionary<string, ThemeLayout> Layouts(string name, string folder, string layoutFile)
    {
        var layout = File.ReadAllText(System.IO.Path.Combine(folder, layoutFile)).Replace("{{themeUrl}}", $"{RequestPath}/{name}",
            StringComparison.Ordinal);
        if (!layout.Contains("{{body}}", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{layoutFile} has no {{{{body}}}} placeholder for the page.");
        }

        var used = TextPlaceholder().Matches(layout).Select(match => match.Groups[1].Value).Distinct().ToList();
        var fallback = Strings(System.IO.Path.Combine(folder, "strings.json")) ?? [];
        var missing = used.Where(key => !fallback.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{layoutFile} uses {string.Join(", ", missing.Select(key => $"{{{{text:{key}}}}}"))}, "
                + "which strings.json does not define.");
        }

        var layouts = new Dictionary<string, ThemeLayout>(StringComparer.OrdinalIgnoreCase) { [""] = Fill(layout, fallback, fallback) };
        foreach (var file in Directory.GetFiles(folder, "strings.*.json"))
        {
            var language = System.IO.Path.GetFileNameWithoutExtension(file)["strings.".Length..];
            layouts[language] = Fill(layout, Strings(file)!, fallback);
        }

        return layouts;
    }

    private static ThemeLayout Fill(string layout, Dictionary<string, string> texts, Dictionary<string, string> fallback)
    {
        // Texts are text: encoded, so a translator's "<" or "&" shows as typed.
        var filled = TextPlaceholder().Replace(layout, match => Encoder.Encode(
            texts.GetValueOrDefault(match.Groups[1].Value) ?? fallback[match.Groups[1].Value]));
        var at = filled.IndexOf("{{body}}", StringComparison.Ordinal);
        return new ThemeLayout(filled[..at], filled[(at + "{{body}}".Length)..]);
    }

    private static Dictionary<string, string>? Strings(string file) => File.Exists(file)
        ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file), Json)
            ?? throw new InvalidDataException($"{System.IO.Path.GetFileName(file)} is empty.")
        : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"\{\{text:([A-Za-z0-9_.-]+)\}\}")]
    private static partial System.Text.RegularExpressions.Regex TextPlaceholder();

    private sealed record Manifest(string? DisplayName, Dictionary<string, string>? Colors, string? Logo, string? Favicon, string? Layout);
}

/// <summary>A theme's layout in one language: the HTML before the page and after it, its texts already in place.</summary>
public sealed record ThemeLayout(string Before, string After);
