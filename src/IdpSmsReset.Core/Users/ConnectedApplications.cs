using IdpSmsReset.Core.Audit;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// The applications a user allowed (one permanent authorization each: the consent), and taking that back: the consent
/// and every authorization and token of the user at that application are revoked, so it holds nothing and asks again.
/// Only ever the signed-in user's own: the subject is part of every lookup.
/// </summary>
public sealed class ConnectedApplications(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, IOpenIddictApplicationManager applications,
    AuditLog audit)
{
    public async Task<IReadOnlyList<ConnectedApplication>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ConnectedApplication>(StringComparer.Ordinal);
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            if (!await authorizations.HasTypeAsync(authorization, AuthorizationTypes.Permanent, cancellationToken)
                || !await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken)
                || await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is not { } applicationId
                || await applications.FindByIdAsync(applicationId, cancellationToken) is not { } application
                || await applications.GetClientIdAsync(application, cancellationToken) is not { } clientId)
            {
                continue;
            }

            var scopes = await authorizations.GetScopesAsync(authorization, cancellationToken);
            var since = await authorizations.GetCreationDateAsync(authorization, cancellationToken);
            found.TryAdd(clientId, new ConnectedApplication(clientId,
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? clientId, [.. scopes], since));
        }

        return [.. found.Values.OrderBy(connected => connected.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>False when the user had not allowed that application (nothing to take back).</summary>
    public async Task<bool> RevokeAsync(ApplicationUser user, string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application
            || await applications.GetIdAsync(application, cancellationToken) is not { } applicationId)
        {
            return false;
        }

        var revoked = await authorizations.RevokeAsync(user.Id, applicationId, status: null, type: null, cancellationToken);
        await tokens.RevokeAsync(user.Id, applicationId, status: null, type: null, cancellationToken);
        if (revoked == 0)
        {
            return false;
        }

        await audit.RaiseAsync(AuditEventTypes.ConsentRevoked, user.UserName ?? user.Id, user.Id, null,
            $"The user took back their consent to {clientId}; its tokens were revoked.", cancellationToken);
        return true;
    }
}

/// <summary>An application the user allowed, with what it may ask for and since when.</summary>
public sealed record ConnectedApplication(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, DateTimeOffset? Since);
