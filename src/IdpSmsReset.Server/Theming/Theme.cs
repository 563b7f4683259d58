namespace IdpSmsReset.Server.Theming;

/// <summary>
/// One theme folder, read: its name, colours, logo, favicon, and the optional layout around the page, one per language
/// its <c>strings.&lt;language&gt;.json</c> files translate (the key "" is <c>strings.json</c>'s, the fallback).
/// </summary>
public sealed record Theme(
    string Name,
    string DisplayName,
    IReadOnlyDictionary<string, string> Colors,
    string? Logo,
    string? Favicon,
    bool HasStylesheet,
    IReadOnlyDictionary<string, ThemeLayout> Layouts)
{
    /// <summary>The layout in the page's language (es-MX, then es), else the theme's own; null when it has none.</summary>
    public ThemeLayout? LayoutFor(System.Globalization.CultureInfo culture) =>
        Layouts.GetValueOrDefault(culture.Name) ?? Layouts.GetValueOrDefault(culture.TwoLetterISOLanguageName)
            ?? Layouts.GetValueOrDefault("");

    /// <summary>Where the theme's files are served.</summary>
    public string Url => $"{ThemeCatalog.RequestPath}/{Name}";
}
