using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Passkeys;

/// <summary>When each passkey last signed in, for the account page.</summary>
public sealed class PasskeyUseLog(IdpDbContext database, TimeProvider time)
{
    public async Task RecordAsync(string userId, byte[] credentialId, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(credentialId);
        var now = time.GetUtcNow().UtcDateTime;
        await database.UpdateOrCreateAsync(
            () => database.Set<PasskeyUse>().Where(use => use.CredentialId == key)
                .ExecuteUpdateAsync(set => set.SetProperty(use => use.LastUsedAt, now), cancellationToken),
            new PasskeyUse { CredentialId = key, UserId = userId, LastUsedAt = now }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DateTime>> LastUsedAsync(string userId, CancellationToken cancellationToken) =>
        await database.Set<PasskeyUse>().AsNoTracking().Where(use => use.UserId == userId)
            .ToDictionaryAsync(use => use.CredentialId, use => use.LastUsedAt, cancellationToken);

    /// <summary>How many passkeys the user has (the dashboard shows it beside "Remove passkeys").</summary>
    public Task<int> CountPasskeysAsync(string userId, CancellationToken cancellationToken) =>
        database.UserPasskeys.CountAsync(passkey => passkey.UserId == userId, cancellationToken);

    public Task ForgetAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(credentialId);
        return database.Set<PasskeyUse>().Where(use => use.CredentialId == key).ExecuteDeleteAsync(cancellationToken);
    }

    public Task ForgetAllAsync(string userId, CancellationToken cancellationToken) =>
        database.Set<PasskeyUse>().Where(use => use.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
