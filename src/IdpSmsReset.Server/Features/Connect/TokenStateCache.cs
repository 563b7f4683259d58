using System.Collections.Concurrent;
using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// The token and authorization entries userinfo and introspection check an access token against, kept per instance for
/// at most <c>Idp:Cache:MaxAge</c> (1 s): an API that calls them for every request it serves would otherwise cost two
/// database reads each time. A token revoked on this instance is refused at once (any write to the token or
/// authorization rows here drops every entry, see <see cref="TokenStateWrites"/>); revoked on another instance, within
/// MaxAge. Only those two read-only endpoints use it (<see cref="RecentTokenState"/>); the token endpoint, where a
/// refresh token is redeemed, always reads the database. Entries are detached copies, never an entity a request tracks.
/// </summary>
public sealed class TokenStateCache(IOptions<CacheOptions> options, TimeProvider time)
{
    // A bound on memory: past it the cache starts again empty, which costs one read per token, not correctness.
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxAge = options.Value.MaxAge;

    public async ValueTask<T?> GetOrReadAsync<T>(string key, Func<ValueTask<T?>> read, Func<T, T> detach) where T : class
    {
        // Both taken before the read: a write or an age that passes during it leaves the entry already stale.
        var generation = TokenStateWrites.Instance.Generation;
        var readAt = time.GetTimestamp();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation
            && time.GetElapsedTime(entry.ReadAt) < _maxAge)
        {
            return (T)entry.Value;
        }

        var value = await read();
        if (value is not null)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(detach(value), generation, readAt);
        }

        return value;
    }

    public static OpenIddictEntityFrameworkCoreToken Detached(OpenIddictEntityFrameworkCoreToken token) => new()
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
        Application = ApplicationNamed(token.Application),
        Authorization = token.Authorization is null ? null : Detached(token.Authorization),
    };

    public static OpenIddictEntityFrameworkCoreAuthorization Detached(OpenIddictEntityFrameworkCoreAuthorization authorization) => new()
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
    private static OpenIddictEntityFrameworkCoreApplication? ApplicationNamed(OpenIddictEntityFrameworkCoreApplication? application) =>
        application is null ? null : new OpenIddictEntityFrameworkCoreApplication { Id = application.Id };

    private sealed record Entry(object Value, long Generation, long ReadAt);
}
