using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>OpenIddict's token store, answering userinfo's and introspection's lookups from <see cref="TokenStateCache"/>.</summary>
public sealed class SharedTokenStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options,
    TokenStateCache states, RecentTokenState recent)
    : OpenIddictEntityFrameworkCoreTokenStore(cache, context, options)
{
    public override ValueTask<OpenIddictEntityFrameworkCoreToken?> FindByIdAsync(string identifier,
        CancellationToken cancellationToken) =>
        recent.MayBeRecent
            ? states.GetOrReadAsync("token:" + identifier, () => base.FindByIdAsync(identifier, cancellationToken), TokenStateCache.Detached)
            : base.FindByIdAsync(identifier, cancellationToken);
}
