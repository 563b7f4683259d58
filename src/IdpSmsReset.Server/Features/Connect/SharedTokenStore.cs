using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>OpenIddict's token store, answering userinfo's and introspection's lookups from <see cref="RecentEntries"/>.</summary>
public sealed class SharedTokenStore(
    IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options,
    RecentTokenState state)
    : OpenIddictEntityFrameworkCoreTokenStore(cache, context, options)
{
    public override ValueTask<OpenIddictEntityFrameworkCoreToken?> FindByIdAsync(string identifier,
        CancellationToken cancellationToken) =>
        state.FindAsync("token:" + identifier, () => base.FindByIdAsync(identifier, cancellationToken), Detached);

    private static OpenIddictEntityFrameworkCoreToken Detached(OpenIddictEntityFrameworkCoreToken token) => new()
    {
        Id = token.Id,
        ConcurrencyToken = token.ConcurrencyToken,
        CreationDate = token.CreationDate,
        ExpirationDate = token.ExpirationDate,
        Payload = token.Payload,
        Properties = token.Properties,
        RedemptionDate = token.RedemptionDate,
        ReferenceId = token.ReferenceId,
        Status = token.Status,
        Subject = token.Subject,
        Type = token.Type,
        Application = SharedAuthorizationStore.ApplicationNamed(token.Application),
        Authorization = token.Authorization is null ? null : SharedAuthorizationStore.Detached(token.Authorization),
    };
}
