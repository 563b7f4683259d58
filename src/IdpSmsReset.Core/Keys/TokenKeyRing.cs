using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Keys;

/// <summary>
/// The keys in the database and their rotation: a first key of each use when there is none; the next one
/// <see cref="TokenKeyOptions.PublishBefore"/> ahead of its turn; the keys every instance must hold (the active one,
/// the next one, and the retired ones still published). Any instance may run it at any time: the unique
/// (use, algorithm, generation) makes the first insert of a generation win and the others find it.
/// </summary>
public sealed class TokenKeyRing(
    IdpDbContext database, TokenKeyMaterial material, IOptions<TokenKeyOptions> options, TimeProvider time, ILogger<TokenKeyRing> logger)
{
    private TokenKeyOptions Options => options.Value;

    /// <summary>Creates whatever key is due; answers whether it created one.</summary>
    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var created = false;
        foreach (var (use, algorithm) in Kinds)
        {
            var newest = await NewestAsync(use, algorithm, cancellationToken);
            if (newest is null)
            {
                created |= await CreateAsync(use, algorithm, 1, now, predecessor: null, cancellationToken);
            }
            else if (now >= newest.ActiveFrom + Options.RotateEvery - Options.PublishBefore)
            {
                // After a long pause the successor still gets its time of publication before it signs.
                var activeFrom = Later(newest.ActiveFrom + Options.RotateEvery, now + Options.PublishBefore);
                created |= await CreateAsync(use, algorithm, newest.Generation + 1, activeFrom, newest, cancellationToken);
            }
        }

        return created;
    }

    /// <summary>
    /// A new key of each use takes over now (a key is suspected, or a test of the procedure); the ones it replaces stay
    /// published for <see cref="TokenKeyOptions.RetainAfter"/>, so tokens they signed or encrypted still work.
    /// </summary>
    public async Task RotateNowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (use, algorithm) in Kinds)
        {
            // Another instance (or this one's refresher) may make the scheduled successor meanwhile and take the
            // generation: then its key is dropped too and this one tries the next.
            for (var attempt = 1; ; attempt++)
            {
                // A successor published ahead of its turn never signed anything: it goes, and the new key's schedule
                // starts now (its certificate's validity, which orders the keys, starts at its turn: it cannot move).
                var pending = await database.Set<TokenKey>()
                    .Where(key => key.Use == use && key.Algorithm == algorithm && key.ActiveFrom > now)
                    .ExecuteDeleteAsync(cancellationToken);
                if (pending > 0)
                {
                    logger.TokenKeySuccessorDropped(use, algorithm);
                }

                var newest = await NewestAsync(use, algorithm, cancellationToken);
                if (await CreateAsync(use, algorithm, (newest?.Generation ?? 0) + 1, now, newest, cancellationToken))
                {
                    break;
                }

                if (attempt == 5)
                {
                    throw new InvalidOperationException($"No new {use} key could be stored after {attempt} attempts.");
                }
            }
        }
    }

    /// <summary>
    /// A key that must not be trusted any more (suspected stolen): when it is in use, new keys take over first; then it
    /// is neither published nor accepted, so tokens it signed stop working on every instance within the cache's age.
    /// False when no such key is held.
    /// </summary>
    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var key = (await HeldAsync(cancellationToken)).FirstOrDefault(held => held.KeyId == keyId);
        if (key is null)
        {
            return false;
        }

        if (key.ActiveFrom <= now && (key.RetiredAt is null || key.RetiredAt > now))
        {
            await RotateNowAsync(cancellationToken);
        }

        var revoked = await database.Set<TokenKey>().Where(held => held.Id == key.Id && held.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(held => held.RevokedAt, now)
                .SetProperty(held => held.RetiredAt, held => held.RetiredAt ?? now), cancellationToken) == 1;
        if (revoked)
        {
            logger.TokenKeyRevoked(key.Use, key.Generation, key.KeyId);
        }

        return revoked;
    }

    /// <summary>The keys to hold now, newest first: not yet active, active, and retired but still published; never a revoked one.</summary>
    public async Task<IReadOnlyList<TokenKey>> HeldAsync(CancellationToken cancellationToken)
    {
        var publishedFrom = time.GetUtcNow().UtcDateTime - Options.RetainAfter;
        var signing = Options.SigningAlgorithms.ToList();
        // A signing algorithm taken out of Idp:Keys:Algorithms stops being published.
        return await database.Set<TokenKey>().AsNoTracking()
            .Where(key => key.RevokedAt == null && (key.RetiredAt == null || key.RetiredAt > publishedFrom))
            .Where(key => key.Use == TokenKeyUses.Encryption || signing.Contains(key.Algorithm))
            .OrderByDescending(key => key.Generation)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every key ever made, for the dashboard (the private parts stay encrypted).</summary>
    public async Task<IReadOnlyList<TokenKey>> ListAsync(CancellationToken cancellationToken) =>
        await database.Set<TokenKey>().AsNoTracking().OrderBy(key => key.Use).ThenBy(key => key.Algorithm)
            .ThenByDescending(key => key.Generation)
            .ToListAsync(cancellationToken);

    // The kinds of key kept: one signing key per algorithm in force, one encryption key.
    private IEnumerable<(string Use, string Algorithm)> Kinds =>
        [.. Options.SigningAlgorithms.Select(algorithm => (TokenKeyUses.Signing, algorithm)),
            (TokenKeyUses.Encryption, TokenKeyAlgorithms.RsaOaep)];

    private async Task<bool> CreateAsync(string use, string algorithm, int generation, DateTime activeFrom, TokenKey? predecessor,
        CancellationToken cancellationToken)
    {
        // A key that takes over now is valid from a minute before: OpenIddict only signs with a certificate already valid.
        var validFrom = activeFrom <= time.GetUtcNow().UtcDateTime ? activeFrom.AddMinutes(-1) : activeFrom;
        var (keyId, protectedCertificate) = material.Create(use, algorithm, generation, validFrom);
        var key = new TokenKey
        {
            Id = Guid.NewGuid(), Use = use, Generation = generation, KeyId = keyId, Algorithm = algorithm,
            ProtectedCertificate = protectedCertificate,
            CreatedAt = time.GetUtcNow().UtcDateTime, ActiveFrom = activeFrom,
        };
        database.Add(key);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created this generation first: its key is the one.
            database.Entry(key).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            return false;
        }

        if (predecessor is not null)
        {
            await RetireBeforeAsync(key, activeFrom, cancellationToken);
        }

        logger.TokenKeyCreated(use, generation, keyId, activeFrom);
        return true;
    }

    // Every older key of its kind that has not retired yet retires when the new one takes over.
    private Task RetireBeforeAsync(TokenKey successor, DateTime at, CancellationToken cancellationToken) =>
        database.Set<TokenKey>()
            .Where(key => key.Use == successor.Use && key.Algorithm == successor.Algorithm && key.Generation < successor.Generation
                && (key.RetiredAt == null || key.RetiredAt > at))
            .ExecuteUpdateAsync(set => set.SetProperty(key => key.RetiredAt, at), cancellationToken);

    private Task<TokenKey?> NewestAsync(string use, string algorithm, CancellationToken cancellationToken) =>
        database.Set<TokenKey>().AsNoTracking().Where(key => key.Use == use && key.Algorithm == algorithm)
            .OrderByDescending(key => key.Generation)
            .FirstOrDefaultAsync(cancellationToken);

    private static DateTime Later(DateTime first, DateTime second) => first > second ? first : second;
}
