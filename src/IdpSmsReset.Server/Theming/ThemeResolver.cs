using System.Collections.Concurrent;
using System.Text.Json;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Server.Features.Connect;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Server.Theming;

/// <summary>
/// The theme of a hosted page: the theme of the application the user is signing in to (its <c>client_id</c> is in the
/// page's return URL), else the one this browser's flow began with (a cookie, so forgot password keeps it), else the
/// configured default. Application themes are cached briefly: the login page asks on every view.
/// </summary>
public sealed class ThemeResolver(ThemeCatalog catalog, IServiceScopeFactory scopes, TimeProvider time)
{
    public const string CookieName = "idp.theme";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>More registered applications than this are looked up each time rather than cached.</summary>
    public const int MaxCachedApplications = 1_000;

    private const int MaxClientIdLength = 256;

    private readonly ConcurrentDictionary<string, (string? Theme, DateTimeOffset Until)> _byClient = new(StringComparer.Ordinal);

    public async Task<Theme> ForRequestAsync(HttpContext context)
    {
        if (await AuthorizationRequestUrl.ParameterForPageAsync(context.Request, OpenIddictConstants.Parameters.ClientId) is { } clientId)
        {
            var chosen = catalog.Find(await ThemeOfApplicationAsync(clientId)) ?? catalog.Default;
            if (context.Request.Cookies[CookieName] != chosen.Name && !context.Response.HasStarted)
            {
                context.Response.Cookies.Append(CookieName, chosen.Name, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromHours(1),
                });
            }

            return chosen;
        }

        return catalog.Find(context.Request.Cookies[CookieName]) ?? catalog.Default;
    }

    /// <summary>Forgets the cached theme of an application (after an administrator changed it).</summary>
    public void Forget(string clientId) => _byClient.TryRemove(clientId, out _);

    private async Task<string?> ThemeOfApplicationAsync(string clientId)
    {
        if (_byClient.TryGetValue(clientId, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Theme;
        }

        if (clientId.Length > MaxClientIdLength)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        // Only registered applications are cached: made-up client ids sent in a loop must not grow memory.
        if (await applications.FindByClientIdAsync(clientId) is not { } application)
        {
            return null;
        }

        var theme = (await applications.GetPropertiesAsync(application)).TryGetValue(ApplicationDescriptorMapper.ThemeProperty, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (_byClient.Count >= MaxCachedApplications)
        {
            PruneExpired();
        }

        if (_byClient.Count < MaxCachedApplications)
        {
            _byClient[clientId] = (theme, time.GetUtcNow() + CacheLifetime);
        }

        return theme;
    }

    /// <summary>How many applications are cached now (for the test that bounds it).</summary>
    internal int CachedCount => _byClient.Count;

    private void PruneExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (clientId, entry) in _byClient)
        {
            if (entry.Until <= now)
            {
                _byClient.TryRemove(clientId, out _);
            }
        }
    }
}
