using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.Benchmarks;

/// <summary>
/// The signing and encryption certificates the server is given, as in production: RSA 2048. (Development's own
/// generated keys are RSA 4096, whose every signature costs about 25 times as much CPU; that would be measured instead.)
/// </summary>
public static class SigningKeys
{
    public const string Password = "bench-pfx-password";

    public static IDictionary<string, string> WriteTo(string directory) => new Dictionary<string, string>
    {
        ["Idp__Certificates__Signing__Path"] = Write(directory, "signing"),
        ["Idp__Certificates__Signing__Password"] = Password,
        ["Idp__Certificates__Encryption__Path"] = Write(directory, "encryption"),
        ["Idp__Certificates__Encryption__Password"] = Password,
    };

    private static string Write(string directory, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=IdpSmsReset benchmark {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
