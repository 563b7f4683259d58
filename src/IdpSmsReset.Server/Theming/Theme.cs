namespace IdpSmsReset.Server.Theming;

/// <summary>One theme folder, read: its name, colours, logo, favicon, and the optional layout around the page.</summary>
public sealed record Theme(
    string Name,
    string DisplayName,
    IReadOnlyDictionary<string, string> Colors,
    string? Logo,
    string? Favicon,
    bool HasStylesheet,
    string? LayoutBefore,
    string? LayoutAfter)
{
    /// <summary>Where the theme's files are served.</summary>
    public string Url => $"{ThemeCatalog.RequestPath}/{Name}";
}
