using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Server.Federation;

/// <summary>
/// The enabled identity providers the login page offers, held in memory until one changes (on any instance, within
/// <c>Idp:Cache:MaxAge</c>): the login page is a hot path, and asks for them on every view.
/// </summary>
public sealed class UpstreamDirectory(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private volatile Snapshot? _snapshot;

    /// <summary>One provider as the login page shows it.</summary>
    public sealed record Upstream(string Name, string DisplayName, IReadOnlyList<string> EmailDomains);

    public async ValueTask<IReadOnlyList<Upstream>> EnabledAsync(CancellationToken cancellationToken)
    {
        var version = await stamps.CurrentAsync(ChangeAreas.IdentityProviders, cancellationToken);
        if (_snapshot is { } kept && kept.Version == version)
        {
            return kept.Upstreams;
        }

        await using var scope = scopes.CreateAsyncScope();
        var all = await scope.ServiceProvider.GetRequiredService<IdentityProviders>().ListAsync(cancellationToken);
        var upstreams = all.Where(provider => provider.Enabled)
            .Select(provider => new Upstream(provider.Name, provider.DisplayName,
                provider.EmailDomains.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        _snapshot = new Snapshot(version, upstreams);
        return upstreams;
    }

    /// <summary>
    /// Home-realm discovery: the provider whose <c>emailDomains</c> hold the domain of what the person typed as their
    /// name, or null. Only the domain decides, never whether an account exists, so it tells nobody anything.
    /// </summary>
    public async ValueTask<Upstream?> ForEmailAsync(string? typed, CancellationToken cancellationToken)
    {
        var at = typed?.LastIndexOf('@') ?? -1;
        if (at < 1 || at == typed!.Length - 1)
        {
            return null;
        }

        var domain = typed[(at + 1)..].Trim().ToLowerInvariant();
        return (await EnabledAsync(cancellationToken)).FirstOrDefault(upstream => upstream.EmailDomains.Contains(domain));
    }

    private sealed record Snapshot(long Version, IReadOnlyList<Upstream> Upstreams);
}
