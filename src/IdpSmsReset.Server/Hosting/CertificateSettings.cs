using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.Server.Hosting;

public sealed class CertificateSettings
{
    /// <summary><c>Idp:Certificates:Signing</c>: signs tokens. Required outside Development.</summary>
    public CertificateFile Signing { get; set; } = new();

    /// <summary><c>Idp:Certificates:Encryption</c>: encrypts codes and refresh tokens. Required outside Development.</summary>
    public CertificateFile Encryption { get; set; } = new();
}
