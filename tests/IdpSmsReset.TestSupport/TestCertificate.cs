using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.TestSupport;

/// <summary>A self-signed RSA certificate with its key, written as an operator provides one: a password-protected .pfx.</summary>
public static class TestCertificate
{
    public static string WritePfx(string directory, string name, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=IdpSmsReset test {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
