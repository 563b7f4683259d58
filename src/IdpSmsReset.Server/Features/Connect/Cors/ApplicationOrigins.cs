using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect.Cors;

/// <summary>
/// The web origins of the registered applications (the scheme, host and port of each redirect URI), as a browser
/// application's requests name them in <c>Origin</c>; as Keycloak's "web origins" derived from redirect URIs. Read once
/// per <c>applications</c> change stamp and shared by every request of this instance, like the applications themselves.
/// </summary>
public sealed class ApplicationOrigins(ChangeStamps stamps, IServiceScopeFactory scopes)
{
    private readonly StampedCache<IReadOnlySet<string>> _origins = new(stamps, ChangeAreas.Applications);

    public async ValueTask<bool> IsRegisteredAsync(string origin, CancellationToken cancellationToken) =>
        (await _origins.GetAsync(ReadAsync, cancellationToken)).Contains(origin);

    private async Task<IReadOnlySet<string>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var lists = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<OpenIddictEntityFrameworkCoreApplication>()
            .AsNoTracking().Select(application => application.RedirectUris).ToListAsync(cancellationToken);
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in lists.Where(list => !string.IsNullOrEmpty(list)))
        {
            foreach (var uri in System.Text.Json.JsonSerializer.Deserialize<string[]>(list!) ?? [])
            {
                if (Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http")
                {
                    origins.Add(parsed.GetLeftPart(UriPartial.Authority));
                }
            }
        }

        return origins;
    }
}
