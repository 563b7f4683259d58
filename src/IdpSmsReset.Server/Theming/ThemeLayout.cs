namespace IdpSmsReset.Server.Theming;

/// <summary>A theme's layout in one language: the HTML before the page and after it, its texts already in place.</summary>
public sealed record ThemeLayout(string Before, string After);
