using IdpSmsReset.Core.Federation;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Server.Federation;

/// <summary>
/// The enabled identity providers the login page offers, held in memory until one changes (on any instance, within
/// <c>Idp:Cache:MaxAge</c>): the login page is a hot path, and asks for them on every view.
/// </summary>
public sealed class UpstreamDirectory(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private readonly StampedCache<IReadOnlyList<Upstream>> _enabled = new(stamps, ChangeAreas.IdentityProviders);

    /// <summary>One provider as the login page shows it.</summary>
    public sealed record Upstream(string Name, string DisplayName, IReadOnlyList<string> EmailDomains);

    public ValueTask<IReadOnlyList<Upstream>> EnabledAsync(CancellationToken cancellationToken) =>
        _enabled.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<IdentityProviders>().ListAsync(token);
            return all.Where(provider => provider.Enabled)
                .Select(provider => new Upstream(provider.Name, provider.DisplayName,
                    provider.EmailDomains.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .ToList();
        }, cancellationToken);

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
}
