using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// Records sign-ins and ends them, so users (and administrators) can see and end sessions elsewhere. A session that ends
/// takes the tokens its applications obtained through it along (<see cref="SessionTokens"/>).
/// </summary>
public sealed class UserSessionService(
    IdpDbContext database, SessionTokens tokens, BackchannelLogouts logouts, Audit.AuditLog audit, TimeProvider time)
{
    public const int UserAgentMaxLength = 256;

    /// <summary>A new session: the sign-in's last step, audited (<c>sign-in.succeeded</c>) in the same save.</summary>
    public async Task<UserSession> StartAsync(ApplicationUser user, IReadOnlyList<string> methods, string? userAgent, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var now = time.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            Methods = string.Join(' ', methods),
            UserAgent = userAgent is { Length: > UserAgentMaxLength } ? userAgent[..UserAgentMaxLength] : userAgent,
            IpAddress = ipAddress,
        };
        database.Add(session);
        audit.Raise(Audit.AuditEventTypes.SignInSucceeded, user.UserName ?? userId, userId, ipAddress,
            $"Signed in with {session.Methods}.");
        await database.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>True while the session has not been ended; notes that it was seen.</summary>
    public async Task<bool> TouchAsync(string userId, Guid sessionId, CancellationToken cancellationToken) =>
        await database.Set<UserSession>()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, time.GetUtcNow().UtcDateTime), cancellationToken) == 1;

    /// <summary>True while the session has not been ended (a read only: the authorization endpoint asks on every request).</summary>
    public Task<bool> IsActiveAsync(string userId, Guid sessionId, CancellationToken cancellationToken) =>
        Active(userId).AnyAsync(s => s.Id == sessionId, cancellationToken);

    /// <summary>When the session began, to the database's precision (the cookie keeps whole seconds); null once ended.</summary>
    public async Task<DateTimeOffset?> StartedAtAsync(string userId, Guid sessionId, CancellationToken cancellationToken) =>
        await Active(userId).Where(s => s.Id == sessionId).Select(s => (DateTime?)s.CreatedAt).FirstOrDefaultAsync(cancellationToken)
            is { } started ? new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)) : null;

    public Task<List<UserSession>> ListActiveAsync(string userId, CancellationToken cancellationToken) =>
        database.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Ends one of the user's sessions and revokes its tokens; false when there was no such active session. A browser
    /// signing out (<paramref name="signingOut"/>) keeps the tokens granted <c>offline_access</c>, as OpenID Connect allows.
    /// </summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, CancellationToken cancellationToken, bool signingOut = false)
    {
        var ended = await Active(userId).Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, time.GetUtcNow().UtcDateTime), cancellationToken) == 1;
        if (ended)
        {
            await tokens.RevokeAsync([sessionId], keepOfflineAccess: signingOut, cancellationToken);
            await logouts.QueueAsync([sessionId], cancellationToken);
        }

        return ended;
    }

    /// <summary>Ends every session of the user but <paramref name="keep"/>, revoking their tokens; returns how many ended.</summary>
    public async Task<int> EndAllAsync(string userId, Guid? keep, CancellationToken cancellationToken)
    {
        var ending = await Active(userId).Where(s => keep == null || s.Id != keep).Select(s => s.Id).ToListAsync(cancellationToken);
        var ended = await Active(userId).Where(s => ending.Contains(s.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        await tokens.RevokeAsync(ending, keepOfflineAccess: false, cancellationToken);
        await logouts.QueueAsync(ending, cancellationToken);
        return ended;
    }

    private IQueryable<UserSession> Active(string userId) =>
        database.Set<UserSession>().Where(s => s.UserId == userId && s.EndedAt == null);
}
