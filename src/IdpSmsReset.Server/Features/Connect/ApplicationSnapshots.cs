using IdpSmsReset.Core.Persistence;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// The registered applications as last read, shared by every request of this instance until the <c>applications</c>
/// change stamp moves (on any instance; <see cref="StampedLookup{TKey, TValue}"/>). Only applications that exist are
/// kept, so unknown client ids cannot grow it.
/// </summary>
public sealed class ApplicationSnapshots(ChangeStamps stamps)
{
    private readonly StampedLookup<string, OpenIddictEntityFrameworkCoreApplication?> _byClientId =
        new(stamps, StringComparer.Ordinal, ChangeAreas.Applications);

    /// <summary>
    /// The application: the instance <paramref name="read"/> returned when it had to read (tracked by the request's
    /// context), else a request's own copy of the one kept (<c>Shared</c>, for the caller to attach).
    /// </summary>
    public async ValueTask<(OpenIddictEntityFrameworkCoreApplication? Application, bool Shared)> FindAsync(string clientId,
        Func<string, CancellationToken, ValueTask<OpenIddictEntityFrameworkCoreApplication?>> read, CancellationToken cancellationToken)
    {
        OpenIddictEntityFrameworkCoreApplication? readNow = null;
        var kept = await _byClientId.GetAsync(clientId,
            async (id, token) => (readNow = await read(id, token)) is { } found ? Copy(found) : null,
            application => application is not null, cancellationToken);
        return readNow is not null ? (readNow, false) : kept is null ? (null, false) : (Copy(kept), true);
    }

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
