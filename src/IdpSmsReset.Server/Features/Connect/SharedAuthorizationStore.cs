using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// OpenIddict's authorization store, answering userinfo's and introspection's lookups from <see cref="TokenStateCache"/>.
/// </summary>
public sealed class SharedAuthorizationStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options,
    TokenStateCache states, RecentTokenState recent)
    : OpenIddictEntityFrameworkCoreAuthorizationStore(cache, context, options)
{
    public override ValueTask<OpenIddictEntityFrameworkCoreAuthorization?> FindByIdAsync(string identifier,
        CancellationToken cancellationToken) =>
        recent.MayBeRecent
            ? states.GetOrReadAsync("authorization:" + identifier, () => base.FindByIdAsync(identifier, cancellationToken),
                TokenStateCache.Detached)
            : base.FindByIdAsync(identifier, cancellationToken);
}
