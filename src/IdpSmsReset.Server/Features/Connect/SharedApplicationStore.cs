using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// OpenIddict's application store, finding a client by its id in <see cref="ApplicationSnapshots"/> instead of the
/// database: every token request authenticates its client, and that read was half of a client_credentials token's
/// database work. The copy is attached to the request's context as unchanged, so OpenIddict links tokens to it
/// without reading it again, and an update through it is still checked against its concurrency token. An application
/// changed on another instance is seen once the change stamp is read again (<c>Idp:Cache:MaxAge</c>, 1 s).
/// </summary>
public sealed class SharedApplicationStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options,
    ApplicationSnapshots snapshots)
    : OpenIddictEntityFrameworkCoreApplicationStore(cache, context, options)
{
    public override async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(string identifier,
        CancellationToken cancellationToken)
    {
        var applications = (await Context.GetDbContextAsync(cancellationToken)).Set<OpenIddictEntityFrameworkCoreApplication>();
        if (applications.Local.FirstOrDefault(application => application.ClientId == identifier) is { } tracked)
        {
            return tracked;
        }

        var (found, shared) = await snapshots.FindAsync(identifier, base.FindByClientIdAsync, cancellationToken);
        if (shared)
        {
            applications.Attach(found!);
        }

        return found;
    }
}
