using IdpSmsReset.Core.Applications;
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

    private readonly StampedLookup<string, (bool Registered, string? Theme)> _byClient =
        new(stamps, StringComparer.Ordinal, ChangeAreas.Applications);

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

    private async Task<string?> ThemeOfApplicationAsync(string clientId) =>
        clientId.Length > MaxClientIdLength ? null : (await _byClient.GetAsync(clientId, ReadThemeAsync,
            // Only registered applications are cached: made-up client ids sent in a loop must not grow memory.
            found => found.Registered && _byClient.Count < MaxCachedApplications, CancellationToken.None)).Theme;

    private async Task<(bool Registered, string? Theme)> ReadThemeAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return (false, null);
        }

        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        return (true, properties.TryGetValue(ApplicationDescriptorMapper.ThemeProperty, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null);
    }

    /// <summary>How many applications are cached now (for the test that bounds it).</summary>
    internal int CachedCount => _byClient.Count;
}
