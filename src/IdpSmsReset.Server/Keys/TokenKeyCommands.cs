using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Keys;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// An administrator's rotation and revocation of the token keys, for the dashboard and the management API alike: the
/// ring's change and its audit row in one unit of work, then this instance's credentials reloaded (the others follow
/// the change stamp within a second). Only where the keys live in the database (<c>Idp:Keys:Source Database</c>, which
/// registers <see cref="TokenKeyCredentials"/>); with certificate files there is nothing to rotate here
/// (<see cref="Available"/> is false).
/// </summary>
public sealed class TokenKeyCommands(TokenKeyRing ring, IdpDbContext database, AdminChangeLog log,
    TokenKeyCredentials? credentials = null)
{
    public bool Available => credentials is not null;

    /// <summary>New keys sign from now on; the current ones stay published for the tokens already out.</summary>
    public async Task RotateAsync(Administrator who, CancellationToken cancellationToken)
    {
        var reload = credentials ?? throw new InvalidOperationException("The keys come from certificate files.");
        await database.InTransactionAsync(async () =>
        {
            var before = (await ring.HeldAsync(cancellationToken)).Select(key => key.KeyId).ToList();
            await ring.RotateNowAsync(cancellationToken);
            var after = (await ring.HeldAsync(cancellationToken)).Select(key => key.KeyId).ToList();
            await log.WriteAsync(who, AdminEventTypes.TokenKeysRotated, null, new { keys = before }, new { keys = after },
                cancellationToken);
            return true;
        }, _ => true, cancellationToken);
        await reload.ReloadAsync(cancellationToken);
    }

    /// <summary>For a key believed stolen: out of the published keys and of validation now; false when it is not published.</summary>
    public async Task<bool> RevokeAsync(string keyId, Administrator who, CancellationToken cancellationToken)
    {
        var reload = credentials ?? throw new InvalidOperationException("The keys come from certificate files.");
        var revoked = await database.InTransactionAsync(async () =>
        {
            if (!await ring.RevokeAsync(keyId, cancellationToken))
            {
                return false;
            }

            await log.WriteAsync(who, AdminEventTypes.TokenKeyRevoked, null, new { key = keyId }, new { key = keyId, revoked = true },
                cancellationToken);
            return true;
        }, done => done, cancellationToken);
        if (revoked)
        {
            await reload.ReloadAsync(cancellationToken);
        }

        return revoked;
    }
}
