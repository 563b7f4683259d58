using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// OpenIddict's authorization store, answering userinfo's and introspection's lookups from <see cref="RecentEntries"/>.
/// </summary>
public sealed class SharedAuthorizationStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options,
    RecentTokenState state)
    : OpenIddictEntityFrameworkCoreAuthorizationStore(cache, context, options)
{
    public override ValueTask<OpenIddictEntityFrameworkCoreAuthorization?> FindByIdAsync(string identifier,
        CancellationToken cancellationToken) =>
        state.FindAsync("authorization:" + identifier, () => base.FindByIdAsync(identifier, cancellationToken), Detached);

    internal static OpenIddictEntityFrameworkCoreAuthorization Detached(OpenIddictEntityFrameworkCoreAuthorization authorization) => new()
    {
        Id = authorization.Id,
        ConcurrencyToken = authorization.ConcurrencyToken,
        CreationDate = authorization.CreationDate,
        Properties = authorization.Properties,
        Scopes = authorization.Scopes,
        Status = authorization.Status,
        Subject = authorization.Subject,
        Type = authorization.Type,
        Application = ApplicationNamed(authorization.Application),
    };

    // The stores only read an entry's application for its id.
    internal static OpenIddictEntityFrameworkCoreApplication? ApplicationNamed(OpenIddictEntityFrameworkCoreApplication? application) =>
        application is null ? null : new OpenIddictEntityFrameworkCoreApplication { Id = application.Id };
}
