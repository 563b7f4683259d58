using System.Text;
using Microsoft.Extensions.FileProviders;

namespace IdpSmsReset.Server.Theming;

public static class ThemeEndpoints
{
    // Only what a theme is made of is served from its folder; theme.json and layouts stay server-side.
    private static readonly HashSet<string> ServedExtensions = new(StringComparer.OrdinalIgnoreCase) { ".css", ".svg", ".png", ".jpg",
        ".ico", ".woff2", ".webp" };

    /// <summary>Serves the theme folders at <c>/themes/{name}/...</c>, and each theme's colours as CSS variables.</summary>
    public static WebApplication UseIdpThemes(this WebApplication app)
    {
        var catalog = app.Services.GetRequiredService<ThemeCatalog>();
        app.MapGet($"{ThemeCatalog.RequestPath}/{{name}}/colors.css", (string name) =>
            catalog.Find(name) is { } theme ? Results.Text(ColorsCss(theme), "text/css", Encoding.UTF8) : Results.NotFound());
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(ThemeCatalog.RequestPath)
                && ServedExtensions.Contains(Path.GetExtension(context.Request.Path.Value ?? "")),
            themes => themes.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(catalog.Root),
                RequestPath = ThemeCatalog.RequestPath }));
        return app;
    }

    private static string ColorsCss(Theme theme)
    {
        var colors = theme.Colors;
        return $":root {{ --back: {colors["background"]}; --paper: {colors["surface"]}; --ink: {colors["text"]}; --muted:" +
            $" {colors["muted"]}; "
            + $"--accent: {colors["accent"]}; --accent-text: {colors["accentText"]}; --danger: {colors["error"]}; }}\n";
    }
}
