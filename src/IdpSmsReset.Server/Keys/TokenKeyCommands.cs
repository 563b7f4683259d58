using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Keys;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// An administrator's rotation and revocation of the token keys, for the dashboard and the management API alike: the
/// ring's change, this instance's credentials reloaded (the others follow the change stamp within a second), and the
/// audit row. Only where the keys live in the database (<c>Idp:Keys:Source Database</c>); with certificate files there is
/// nothing to rotate here (<see cref="Available"/> is false).
/// </summary>
public sealed class TokenKeyCommands(TokenKeyRing ring, IServiceProvider services, AdminChangeLog log)
{
    private TokenKeyCredentials? Credentials => services.GetService<TokenKeyCredentials>();

    public bool Available => Credentials is not null;

    /// <summary>New keys sign from now on; the current ones stay published for the tokens already out.</summary>
    public async Task RotateAsync(Administrator who, CancellationToken cancellationToken)
    {
        var credentials = Credentials ?? throw new InvalidOperationException("The keys come from certificate files.");
        var before = (await ring.HeldAsync(cancellationToken)).Select(key => key.KeyId).ToList();
        await ring.RotateNowAsync(cancellationToken);
        await credentials.ReloadAsync(cancellationToken, changed: true);
        var after = (await ring.HeldAsync(cancellationToken)).Select(key => key.KeyId).ToList();
        await log.WriteAsync(who, AdminEventTypes.TokenKeysRotated, null, new { keys = before }, new { keys = after }, cancellationToken);
    }

    /// <summary>For a key believed stolen: out of the published keys and of validation now; false when it is not published.</summary>
    public async Task<bool> RevokeAsync(string keyId, Administrator who, CancellationToken cancellationToken)
    {
        var credentials = Credentials ?? throw new InvalidOperationException("The keys come from certificate files.");
        if (!await ring.RevokeAsync(keyId, cancellationToken))
        {
            return false;
        }

        await credentials.ReloadAsync(cancellationToken, changed: true);
        await log.WriteAsync(who, AdminEventTypes.TokenKeyRevoked, null, new { key = keyId }, new { key = keyId, revoked = true },
            cancellationToken);
        return true;
    }
}
