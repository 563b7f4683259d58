namespace IdpSmsReset.Server.Theming;

/// <summary>The <c>Idp:Themes</c> section. Every default is documented here and nowhere else.</summary>
public sealed class ThemeOptions
{
    public const string SectionName = "Idp:Themes";

    /// <summary>
    /// <c>Idp:Themes:Path</c>: the folder holding one folder per theme. Default: the <c>themes</c> folder copied beside
    /// the server (the repository's <c>themes/</c>, also in the publish output and the container image).
    /// </summary>
    public string? Path { get; set; }

    /// <summary><c>Idp:Themes:Default</c>: the theme of pages no application asked for. Default <c>default</c>.</summary>
    public string Default { get; set; } = "default";

    public string ResolvedPath => System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(AppContext.BaseDirectory, "themes"));
}
