using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Idempotency;

/// <summary>
/// The ledger of <c>Idempotency-Key</c>s (draft-ietf-httpapi-idempotency-key-header): a create is claimed under the
/// caller's key before it runs, decided by the database's unique key so that two instances racing with the same key
/// run it once; its answer is kept for <see cref="Lifetime"/> and replayed to a repeat. A failed create releases its
/// key, so the caller may try again with it.
/// </summary>
public sealed class IdempotencyKeys(IdpDbContext database, IDataProtectionProvider protection, TimeProvider time)
{
    public const int MaxKeyLength = 255;

    /// <summary>How long an answer is replayed; afterwards the key may be used again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("IdpSmsReset.Idempotency.Answers");

    /// <summary>Claims <paramref name="key"/> for this request, or says why it must not run.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(string caller, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await database.Set<IdempotentRequest>().Where(request => request.Caller == caller && request.CreatedAt < now - Lifetime)
            .ExecuteDeleteAsync(cancellationToken);
        var claimed = await database.TryInsertAsync(new IdempotentRequest
        {
            Caller = caller, Key = key, RequestHash = requestHash, CreatedAt = now,
        }, cancellationToken);
        if (claimed)
        {
            return IdempotencyClaim.Claimed;
        }

        var earlier = await database.Set<IdempotentRequest>().AsNoTracking()
            .SingleOrDefaultAsync(request => request.Caller == caller && request.Key == key, cancellationToken);
        return earlier switch
        {
            // Released between our insert and this read: the caller retries as with one still running.
            null or { Status: 0 } => IdempotencyClaim.InProgress,
            _ when earlier.RequestHash != requestHash => IdempotencyClaim.KeyReused,
            _ => IdempotencyClaim.Replay(earlier.Status, _protector.Unprotect(earlier.ProtectedAnswer!)),
        };
    }

    /// <summary>Keeps the answer to the claimed request for repeats.</summary>
    public Task CompleteAsync(string caller, string key, int status, string answer, CancellationToken cancellationToken) =>
        database.Set<IdempotentRequest>().Where(request => request.Caller == caller && request.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(request => request.Status, status)
                .SetProperty(request => request.ProtectedAnswer, _protector.Protect(answer)), cancellationToken);

    /// <summary>Forgets the claim of a request that did not succeed.</summary>
    public Task ReleaseAsync(string caller, string key, CancellationToken cancellationToken) =>
        database.Set<IdempotentRequest>().Where(request => request.Caller == caller && request.Key == key && request.Status == 0)
            .ExecuteDeleteAsync(cancellationToken);
}

/// <summary>What a claimed <c>Idempotency-Key</c> lets the request do.</summary>
public sealed record IdempotencyClaim(IdempotencyClaim.Outcome Result, int Status = 0, string? Answer = null)
{
    public enum Outcome
    {
        /// <summary>This request runs; its answer is kept.</summary>
        Run,

        /// <summary>The same key is on a request still running: try again shortly.</summary>
        Running,

        /// <summary>The key was used for another request: refused.</summary>
        Reused,

        /// <summary>The request ran before: its answer is sent again.</summary>
        Replayed,
    }

    public static readonly IdempotencyClaim Claimed = new(Outcome.Run);
    public static readonly IdempotencyClaim InProgress = new(Outcome.Running);
    public static readonly IdempotencyClaim KeyReused = new(Outcome.Reused);

    public static IdempotencyClaim Replay(int status, string answer) => new(Outcome.Replayed, status, answer);
}
