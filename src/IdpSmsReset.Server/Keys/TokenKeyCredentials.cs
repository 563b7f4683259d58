using System.Security.Cryptography.X509Certificates;
using IdpSmsReset.Core.Keys;
using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// The database keys as OpenIddict credentials, held in memory so that no request reads key material. Reloaded when a
/// key was created or rotated (on this instance at once, on the others through the <c>keys</c> change stamp within a
/// second) and when a key's time to take over has come; each reload that changes what signs or what is published
/// signals OpenIddict to rebuild its options, which sorts the credentials again (the newest valid key signs).
/// </summary>
public sealed class TokenKeyCredentials(IServiceScopeFactory scopes, ChangeStamps stamps, TimeProvider time)
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile Snapshot? _current;
    private CancellationTokenSource _changed = new();

    /// <param name="AccessTokenSigning">The ES256 key in use, when <c>Idp:Keys:Algorithms</c> has one: it signs access tokens.</param>
    public sealed record Snapshot(
        IReadOnlyList<SigningCredentials> Signing, IReadOnlyList<EncryptingCredentials> Encryption, string Shape, long Stamp,
        DateTime? NextTakeOver, SigningCredentials? AccessTokenSigning = null);

    public Snapshot Current => _current ?? throw new InvalidOperationException(
        "The token keys are not loaded yet: TokenKeyRefresher loads them when the server starts.");

    public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);

    /// <summary>Whether a reload is due: the keys changed somewhere, or one takes over now.</summary>
    public async ValueTask<bool> IsStaleAsync(CancellationToken cancellationToken) =>
        _current is not { } current
        || await stamps.CurrentAsync(ChangeAreas.Keys, cancellationToken) != current.Stamp
        || current.NextTakeOver <= time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Creates a key that is due, then reads the keys this instance must hold (a change of the keys moves their stamp by
    /// itself, see CachedTableWrites, so the other instances follow).
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ring = scope.ServiceProvider.GetRequiredService<TokenKeyRing>();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            await ring.EnsureAsync(cancellationToken);

            var stamp = await stamps.CurrentAsync(ChangeAreas.Keys, cancellationToken);
            var held = await ring.HeldAsync(cancellationToken);
            var material = scope.ServiceProvider.GetRequiredService<TokenKeyMaterial>();
            var now = time.GetUtcNow().UtcDateTime;
            var shape = string.Join(",", held.Select(key => $"{key.KeyId}:{key.ActiveFrom <= now}"));
            if (_current is { } current && current.Shape == shape)
            {
                _current = current with { Stamp = stamp, NextTakeOver = NextTakeOver(held, now) };
                return;
            }

            var signing = new List<SigningCredentials>();
            var encryption = new List<EncryptingCredentials>();
            SigningCredentials? accessTokenSigning = null;
            foreach (var key in held)
            {
                var certificate = material.Open(key);
                if (key.Algorithm == TokenKeyAlgorithms.ES256)
                {
                    // A raw ECDSA key: OpenIddict publishes it in the JWKS (it does not an ECDSA one in a certificate)
                    // and, preferring certificate keys, never picks it as its default: RS256 stays the default.
                    var ecdsa = new SigningCredentials(new ECDsaSecurityKey(certificate.GetECDsaPrivateKey()) { KeyId = key.KeyId },
                        SecurityAlgorithms.EcdsaSha256);
                    signing.Add(ecdsa);
                    accessTokenSigning ??= key.ActiveFrom <= now ? ecdsa : null;
                    continue;
                }

                var securityKey = new X509SecurityKey(certificate) { KeyId = key.KeyId };
                if (key.Use == TokenKeyUses.Signing)
                {
                    signing.Add(new SigningCredentials(securityKey, SecurityAlgorithms.RsaSha256));
                }
                else
                {
                    encryption.Add(new EncryptingCredentials(securityKey, SecurityAlgorithms.RsaOAEP,
                        SecurityAlgorithms.Aes256CbcHmacSha512));
                }
            }

            _current = new Snapshot(signing, encryption, shape, stamp, NextTakeOver(held, now), accessTokenSigning);
            var signal = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            await signal.CancelAsync();
            signal.Dispose();
        }
        finally
        {
            _reloading.Release();
        }
    }

    private static DateTime? NextTakeOver(IReadOnlyList<TokenKey> held, DateTime now) =>
        held.Where(key => key.ActiveFrom > now).Select(key => (DateTime?)key.ActiveFrom).Min();
}
