using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Applications.Registration;

/// <summary>
/// The initial access tokens administrators issue for <c>initial-access-token</c> registration: issued (shown once),
/// listed, revoked, each audited; and spent by a registration, exactly under concurrency (a one-time token registers
/// one application however many requests race with it, on whatever instances).
/// </summary>
public sealed class InitialAccessTokens(IdpDbContext database, AdminChangeLog log, TimeProvider time)
{
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    /// <summary>A new token (returned once: only its hash is kept) and its record, or the problems with the request.</summary>
    public Task<(string? Token, InitialAccessToken? Issued, IReadOnlyList<Problems.FieldProblem> Problems)> IssueAsync(
        string? description, TimeSpan lifetime, bool oneTime, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var problems = new List<Problems.FieldProblem>();
            if (string.IsNullOrWhiteSpace(description) || description.Trim().Length > 200)
            {
                problems.Add(new("description", "Say what the token is for, in at most 200 characters."));
            }
            else if (Problems.TextRules.HasControlCharacters(description))
            {
                problems.Add(new("description", "The description " + Problems.TextRules.ControlCharacters));
            }

            if (lifetime < TimeSpan.FromMinutes(5) || lifetime > MaxLifetime)
            {
                problems.Add(new("lifetime", "A token lives between 5 minutes and 365 days."));
            }

            if (problems.Count > 0)
            {
                return ((string?)null, (InitialAccessToken?)null, (IReadOnlyList<Problems.FieldProblem>)problems);
            }

            var token = RegistrationSecrets.New();
            var now = time.GetUtcNow().UtcDateTime;
            var issued = new InitialAccessToken
            {
                Id = Guid.NewGuid(), TokenHash = RegistrationSecrets.HashOf(token), Description = description!.Trim(), CreatedBy = who.Name,
                CreatedAt = now, ExpiresAt = now + lifetime, OneTime = oneTime,
            };
            database.Add(issued);
            await database.SaveChangesAsync(cancellationToken);
            await log.WriteAsync(who, AdminEventTypes.RegistrationTokenIssued, null, null,
                new { issued.Id, issued.Description, issued.ExpiresAt, issued.OneTime }, cancellationToken);
            return (token, issued, []);
        }, result => result.Item1 is not null, cancellationToken);

    public Task<List<InitialAccessToken>> ListAsync(CancellationToken cancellationToken) =>
        database.Set<InitialAccessToken>().AsNoTracking().OrderByDescending(token => token.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Revokes a token; false when there is none of that id or it was revoked already.</summary>
    public Task<bool> RevokeAsync(Guid id, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var revoked = await database.Set<InitialAccessToken>().Where(token => token.Id == id && token.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(token => token.RevokedAt, now), cancellationToken) == 1;
            if (revoked)
            {
                await log.WriteAsync(who, AdminEventTypes.RegistrationTokenRevoked, null, null, new { id }, cancellationToken);
            }

            return revoked;
        }, revoked => revoked, cancellationToken);

    /// <summary>Whether <paramref name="token"/> may register an application now (nothing is spent).</summary>
    public async Task<bool> IsUsableAsync(string? token, CancellationToken cancellationToken) =>
        token is { Length: > 0 } && await Usable(token).AnyAsync(cancellationToken);

    /// <summary>
    /// Spends one use of <paramref name="token"/>, inside the registration's unit of work: its id, or null when it is
    /// unknown, revoked, expired, or a one-time token spent by another request first.
    /// </summary>
    public async Task<Guid?> SpendAsync(string token, CancellationToken cancellationToken)
    {
        var spent = await Usable(token).ExecuteUpdateAsync(set => set.SetProperty(found => found.Uses, found => found.Uses + 1),
            cancellationToken);
        if (spent != 1)
        {
            return null;
        }

        var hash = RegistrationSecrets.HashOf(token);
        return await database.Set<InitialAccessToken>().Where(found => found.TokenHash == hash).Select(found => (Guid?)found.Id)
            .FirstAsync(cancellationToken);
    }

    // One condition for looking and for spending, so the two cannot disagree.
    private IQueryable<InitialAccessToken> Usable(string token)
    {
        var hash = RegistrationSecrets.HashOf(token);
        var now = time.GetUtcNow().UtcDateTime;
        return database.Set<InitialAccessToken>().Where(found => found.TokenHash == hash && found.RevokedAt == null
            && found.ExpiresAt > now && (!found.OneTime || found.Uses == 0));
    }
}
