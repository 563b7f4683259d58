using System.Collections.Concurrent;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// The registered applications as last read, shared by every request of this instance, each labelled with the
/// <c>applications</c> change stamp it was read under: a change on any instance moves the stamp, and the next lookup
/// reads afresh. Only applications that exist are kept, so unknown client ids cannot grow it.
/// </summary>
public sealed class ApplicationSnapshots
{
    private readonly ConcurrentDictionary<string, (long Version, OpenIddictEntityFrameworkCoreApplication Application)> _byClientId =
        new(StringComparer.Ordinal);

    /// <summary>A request's own copy of the application, when it was read under <paramref name="version"/>.</summary>
    public OpenIddictEntityFrameworkCoreApplication? Find(string clientId, long version) =>
        _byClientId.TryGetValue(clientId, out var entry) && entry.Version == version ? Copy(entry.Application) : null;

    public void Remember(OpenIddictEntityFrameworkCoreApplication application, long version) =>
        _byClientId[application.ClientId!] = (version, Copy(application));

    // Each request gets its own instance: the database context a request attaches it to fixes up its navigation
    // collections and may change it, which must never reach another request.
    private static OpenIddictEntityFrameworkCoreApplication Copy(OpenIddictEntityFrameworkCoreApplication source) => new()
    {
        Id = source.Id,
        ApplicationType = source.ApplicationType,
        ClientId = source.ClientId,
        ClientSecret = source.ClientSecret,
        ClientType = source.ClientType,
        ConcurrencyToken = source.ConcurrencyToken,
        ConsentType = source.ConsentType,
        DisplayName = source.DisplayName,
        DisplayNames = source.DisplayNames,
        JsonWebKeySet = source.JsonWebKeySet,
        Permissions = source.Permissions,
        PostLogoutRedirectUris = source.PostLogoutRedirectUris,
        Properties = source.Properties,
        RedirectUris = source.RedirectUris,
        Requirements = source.Requirements,
        Settings = source.Settings,
    };
}
