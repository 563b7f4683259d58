using IdpSmsReset.Core.Applications;
using System.Collections.Concurrent;
using System.Text.Json;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Server.Features.Connect;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Server.Theming;

/// <summary>
/// The theme of a hosted page: the theme of the application the user is signing in to (its <c>client_id</c> is in the
/// page's return URL), else the one this browser's flow began with (a cookie, so forgot password keeps it), else the
/// configured default. Application themes are cached until an application changes (<see cref="ChangeStamps"/>, on
/// any instance): the login page asks on every view.
/// </summary>
public sealed class ThemeResolver(ThemeCatalog catalog, IServiceScopeFactory scopes, ChangeStamps stamps)
{
    public const string CookieName = "idp.theme";

    /// <summary>More registered applications than this are looked up each time rather than cached.</summary>
    public const int MaxCachedApplications = 1_000;

    private const int MaxClientIdLength = 256;

    private readonly ConcurrentDictionary<string, string?> _byClient = new(StringComparer.Ordinal);

    private long _applicationsVersion = -1;

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

    private async Task<string?> ThemeOfApplicationAsync(string clientId)
    {
        var version = await stamps.CurrentAsync(ChangeAreas.Applications, CancellationToken.None);
        if (Interlocked.Exchange(ref _applicationsVersion, version) != version)
        {
            _byClient.Clear();
        }

        if (_byClient.TryGetValue(clientId, out var cached))
        {
            return cached;
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

        var theme = (await applications.GetPropertiesAsync(application)).TryGetValue(ApplicationDescriptorMapper.ThemeProperty,
            out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (_byClient.Count < MaxCachedApplications)
        {
            _byClient[clientId] = theme;
        }

        return theme;
    }

    /// <summary>How many applications are cached now (for the test that bounds it).</summary>
    internal int CachedCount => _byClient.Count;
}
