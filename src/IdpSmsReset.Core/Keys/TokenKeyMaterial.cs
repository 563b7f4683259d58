using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.Core.Keys;

/// <summary>
/// Makes a key's certificate and keeps its private part encrypted. The certificate's validity starts at the key's
/// <see cref="TokenKey.ActiveFrom"/>: OpenIddict then prefers, among the keys it holds, the newest one already valid,
/// and only publishes one that is not valid yet. Its end lies far ahead (and later for every newer key), so the
/// retirement is this server's decision, not the certificate's.
/// </summary>
public sealed class TokenKeyMaterial(IDataProtectionProvider protection)
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);

    private readonly IDataProtector _protector = protection.CreateProtector("IdpSmsReset.TokenKeys");

    public (string KeyId, string ProtectedCertificate) Create(string use, string algorithm, int generation, DateTime activeFrom)
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
        var from = new DateTimeOffset(DateTime.SpecifyKind(activeFrom, DateTimeKind.Utc));
        using var certificate = request.CreateSelfSigned(from, from + Validity);
        return (certificate.Thumbprint, _protector.Protect(Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12))));
    }

    public X509Certificate2 Open(TokenKey key) =>
        X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(_protector.Unprotect(key.ProtectedCertificate)), password: null,
            X509KeyStorageFlags.EphemeralKeySet);
}
