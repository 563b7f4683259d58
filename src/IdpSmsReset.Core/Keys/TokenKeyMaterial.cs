using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.Core.Keys;

/// <summary>
/// Makes a key's certificate and keeps its private part encrypted. The certificate's validity starts at the key's
/// <see cref="TokenKey.ActiveFrom"/> (a minute before, for a key that takes over at once): OpenIddict then prefers,
/// among the keys it holds, the one already valid that ends last, and only publishes one that is not valid yet. Its end
/// lies far ahead, and later for every newer key, so the retirement is this server's decision, not the certificate's.
/// </summary>
public sealed class TokenKeyMaterial(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);

    private readonly IDataProtector _protector = protection.CreateProtector("IdpSmsReset.TokenKeys");

    /// <param name="validFrom">The certificate's start: the key's turn, or a little before it for a key that takes over
    /// at once (a certificate's start has whole seconds, and must not land after the moment it should sign).</param>
    public (string KeyId, string ProtectedCertificate) Create(string use, string algorithm, int generation, DateTime validFrom)
    {
        using AsymmetricAlgorithm key = algorithm == TokenKeyAlgorithms.ES256
            ? ECDsa.Create(ECCurve.NamedCurves.nistP256)
            : RSA.Create(2048);
        var subject = $"CN=IdpSmsReset {use} key {algorithm} {generation}";
        var request = key is ECDsa ecdsa
            ? new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == TokenKeyUses.Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        var from = new DateTimeOffset(DateTime.SpecifyKind(validFrom, DateTimeKind.Utc));
        // A certificate's dates have whole seconds: a key made in the same second as the one it replaces would end at the
        // same moment and tie in OpenIddict's order. Each generation ends a minute later than the one before.
        using var certificate = request.CreateSelfSigned(from, from + Validity + TimeSpan.FromMinutes(generation));
        return (certificate.Thumbprint, _protector.Protect(Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12))));
    }

    public X509Certificate2 Open(TokenKey key) =>
        X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(_protector.Unprotect(key.ProtectedCertificate)), password: null,
            X509KeyStorageFlags.EphemeralKeySet);
}
