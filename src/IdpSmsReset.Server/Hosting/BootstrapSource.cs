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

        // {issuer} stands for this server's origin, so that a file names this server's own pages wherever it listens.
        // Reading the options validates them: the issuer is there and absolute.
        var issuer = idpOptions.Value.IssuerBase;
        // Themes are the server's folder, unknown to Core's validator: checked with the rest, when read, not when a page shows.
        var document = BootstrapReader.ReadFile(path, text => text.Replace(IssuerPlaceholder, issuer, StringComparison.Ordinal),
            read => read.Applications.Select((application, index) => (application, index))
                .Where(entry => entry.application.Theme is { } theme && themes.Find(theme) is null)
                .Select(entry => $"applications[{entry.index}] ('{entry.application.ClientId}').theme: '{entry.application.Theme}' is"
                    + $" not a theme; use {ApplicationVocabulary.Quote(themes.Names)}."));
        return (path, document);
    });

    /// <summary>Written in a bootstrap file, replaced by <c>Idp:Issuer</c> without its trailing slash.</summary>
    public const string IssuerPlaceholder = "{issuer}";

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
