using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// The bootstrap document this start applies, read and validated once. Reading it before the host starts lets a
/// mistake in it end the start with its message alone.
/// </summary>
internal sealed class BootstrapSource(IOptions<IdpOptions> idpOptions, IHostEnvironment environment, Theming.ThemeCatalog themes)
{
    public const string DemoBootstrapFile = "bootstrap.demo.json";

    private readonly Lazy<(string Path, BootstrapDocument Document)?> _loaded = new(() =>
    {
        var path = PathOf(idpOptions.Value, environment);
        if (path is null)
        {
            return null;
        }

        var document = BootstrapReader.ReadFile(path);
        // Themes are the server's folder, unknown to Core's validator: checked here, when saved, not when a page shows.
        var unknown = document.Applications.Select((application, index) => (application, index))
            .Where(entry => entry.application.Theme is { } theme && themes.Find(theme) is null)
            .Select(entry
                => $"applications[{entry.index}] ('{entry.application.ClientId}').theme: '{entry.application.Theme}' is not a theme; use" +
                    $" {ApplicationVocabulary.Quote(themes.Names)}.")
            .ToList();
        return unknown.Count > 0
            ? throw new BootstrapException($"Bootstrap file '{path}' is invalid:\n  {string.Join("\n  ", unknown)}")
            : (path, document);
    });

    /// <summary>The file and its content; null when no file applies (outside Development, none configured).</summary>
    public (string Path, BootstrapDocument Document)? Loaded => _loaded.Value;

    private static string? PathOf(IdpOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.Bootstrap.Path))
        {
            return System.IO.Path.GetFullPath(options.Bootstrap.Path, environment.ContentRootPath);
        }

        return environment.IsDevelopment() ? System.IO.Path.Combine(environment.ContentRootPath, DemoBootstrapFile) : null;
    }
}
