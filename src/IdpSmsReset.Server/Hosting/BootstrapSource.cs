using IdpSmsReset.Core.Bootstrap;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// The bootstrap document this start applies, read and validated once. Reading it before the host starts lets a
/// mistake in it end the start with its message alone.
/// </summary>
internal sealed class BootstrapSource(IOptions<IdpOptions> idpOptions, IHostEnvironment environment)
{
    public const string DemoBootstrapFile = "bootstrap.demo.json";

    private readonly Lazy<(string Path, BootstrapDocument Document)?> _loaded = new(() =>
    {
        var path = PathOf(idpOptions.Value, environment);
        return path is null ? null : (path, BootstrapReader.ReadFile(path));
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
