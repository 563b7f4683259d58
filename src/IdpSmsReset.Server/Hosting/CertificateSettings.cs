namespace IdpSmsReset.Server.Hosting;

public sealed class CertificateSettings
{
    /// <summary>
    /// <c>Idp:Certificates:Signing</c>: signs tokens. Required outside Development with <c>Idp:Keys:Source</c> Certificates
    /// (which it selects when set).
    /// </summary>
    public CertificateFile Signing { get; set; } = new();

    /// <summary><c>Idp:Certificates:Encryption</c>: encrypts codes and refresh tokens. Required as the signing one is.</summary>
    public CertificateFile Encryption { get; set; } = new();

    /// <summary>
    /// <c>Idp:Certificates:DataProtection</c>: encrypts the Data Protection key ring in the database (which protects
    /// cookies, SMS secrets and the token keys kept in the database). Required outside Development with
    /// <c>Idp:Keys:Source</c> Database; with certificate files the encryption certificate does this when this is unset.
    /// </summary>
    public CertificateFile DataProtection { get; set; } = new();
}
