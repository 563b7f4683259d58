using System.Collections.Immutable;
using System.Security.Claims;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// The tokens a sign-in session obtained, held together by one ad-hoc authorization per session, application and
/// <c>offline_access</c> (<see cref="SessionAuthorization"/>), so that they can be revoked with the session and no further.
/// </summary>
public sealed class SessionTokens(
    IdpDbContext database, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens, TimeProvider time)
{
    /// <summary>The id of the session's valid authorization at the application for these scopes, made when there is none.</summary>
    public async Task<string> AuthorizationForAsync(
        Guid sessionId, string userId, string applicationId, ClaimsPrincipal principal, ImmutableArray<string> scopes,
        CancellationToken cancellationToken)
    {
        var offline = scopes.Contains(Scopes.OfflineAccess);
        var candidates = await database.Set<SessionAuthorization>().AsNoTracking()
            .Where(a => a.SessionId == sessionId && a.ApplicationId == applicationId && a.OfflineAccess == offline)
            .OrderByDescending(a => a.CreatedAt).Select(a => a.AuthorizationId).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            // A replayed code revokes its authorization: the session then starts a new one.
            if (await authorizations.FindByIdAsync(id, cancellationToken) is { } existing
                && await authorizations.HasStatusAsync(existing, Statuses.Valid, cancellationToken))
            {
                return id;
            }
        }

        var created = await authorizations.CreateAsync(
            principal, userId, applicationId, AuthorizationTypes.AdHoc, scopes, cancellationToken);
        var createdId = (await authorizations.GetIdAsync(created, cancellationToken))!;
        database.Add(new SessionAuthorization
        {
            SessionId = sessionId, AuthorizationId = createdId, ApplicationId = applicationId, OfflineAccess = offline,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await database.SaveChangesAsync(cancellationToken);
        return createdId;
    }

    /// <summary>As <see cref="AuthorizationForAsync"/>, for the application OpenIddict knows by <paramref name="clientId"/>.</summary>
    public async Task<string> AuthorizationForClientAsync(
        Guid sessionId, string userId, string clientId, ClaimsPrincipal principal, ImmutableArray<string> scopes,
        CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? throw new InvalidOperationException("OpenIddict validated a client that cannot be found.");
        return await AuthorizationForAsync(sessionId, userId, (await applications.GetIdAsync(application, cancellationToken))!,
            principal, scopes, cancellationToken);
    }

    /// <summary>The applications that hold tokens of each of <paramref name="sessionIds"/> (display names, by name).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> ApplicationsOfAsync(
        IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken)
    {
        var rows = await database.Set<SessionAuthorization>().AsNoTracking()
            .Where(a => sessionIds.Contains(a.SessionId))
            .Join(database.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(authorization => authorization.Status == Statuses.Valid),
                a => a.AuthorizationId, authorization => authorization.Id, (a, _) => a)
            .Join(database.Set<OpenIddictEntityFrameworkCoreApplication>(),
                a => a.ApplicationId, application => application.Id,
                (a, application) => new { a.SessionId, Name = application.DisplayName ?? application.ClientId })
            .Distinct().ToListAsync(cancellationToken);
        return rows.GroupBy(row => row.SessionId).ToDictionary(
            group => group.Key, group => (IReadOnlyList<string>)[.. group.Select(row => row.Name!).Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Revokes every token issued to the user, through any session (a password change: whoever knew the old password
    /// may hold some). The consent stays; the user's applications sign in again.
    /// </summary>
    public async Task RevokeAllAsync(string userId, CancellationToken cancellationToken) =>
        await tokens.RevokeBySubjectAsync(userId, cancellationToken);

    /// <summary>Revokes every authorization (consents included) and every token of the user: nothing issued before stays valid.</summary>
    public async Task RevokeEverythingAsync(string userId, CancellationToken cancellationToken)
    {
        await authorizations.RevokeBySubjectAsync(userId, cancellationToken);
        await tokens.RevokeBySubjectAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Revokes the authorizations of <paramref name="sessionIds"/> and every token issued through them; with
    /// <paramref name="keepOfflineAccess"/>, those granted <c>offline_access</c> survive (a browser signing out).
    /// </summary>
    public async Task RevokeAsync(IReadOnlyCollection<Guid> sessionIds, bool keepOfflineAccess, CancellationToken cancellationToken)
    {
        var ids = await database.Set<SessionAuthorization>().AsNoTracking()
            .Where(a => sessionIds.Contains(a.SessionId) && !(keepOfflineAccess && a.OfflineAccess))
            .Select(a => a.AuthorizationId).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            if (await authorizations.FindByIdAsync(id, cancellationToken) is { } authorization)
            {
                await authorizations.TryRevokeAsync(authorization, cancellationToken);
            }

            await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
        }
    }
}
