using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.Server.Hosting;

public sealed class CertificateFile
{
    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its RSA private key.</summary>
    public string? Path { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path);

    public X509Certificate2 Load() =>
        X509CertificateLoader.LoadPkcs12FromFile(Path!, Password, X509KeyStorageFlags.EphemeralKeySet);
}
