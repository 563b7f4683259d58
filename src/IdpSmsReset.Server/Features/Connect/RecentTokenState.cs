using IdpSmsReset.Core.Persistence;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Decides, per request, whether the token and authorization stores may answer from <see cref="RecentEntries"/>: only
/// when userinfo or introspection validates an access token. Runs before OpenIddict reads the token's entry.
/// </summary>
public sealed class RecentTokenState(RecentEntries recent) : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseScopedHandler<RecentTokenState>()
            .SetOrder(OpenIddictServerHandlers.Protection.RestoreTokenEntryProperties.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>Whether this request reads token and authorization entries no older than <c>Idp:Cache:MaxAge</c>.</summary>
    public bool MayBeRecent { get; private set; }

    /// <summary>
    /// The store's row for <paramref name="key"/>: no older than <c>Idp:Cache:MaxAge</c> (and no write to the token tables
    /// on this instance since) where this request may use one, else read now.
    /// </summary>
    public ValueTask<T?> FindAsync<T>(string key, Func<ValueTask<T?>> read, Func<T, T> detach) where T : class =>
        MayBeRecent ? recent.GetOrReadAsync(key, CachedTableWrites.Instance.Tokens, read, detach) : read();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        MayBeRecent = context.EndpointType is OpenIddictServerEndpointType.UserInfo or OpenIddictServerEndpointType.Introspection
            && context.Principal?.GetTokenType() is OpenIddictConstants.TokenTypeIdentifiers.AccessToken
                or OpenIddictConstants.TokenTypeHints.AccessToken;
        return ValueTask.CompletedTask;
    }
}
