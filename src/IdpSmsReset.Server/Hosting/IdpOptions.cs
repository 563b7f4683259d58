using System.Security.Cryptography.X509Certificates;

namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp</c> configuration section. Every default is documented here and nowhere else.</summary>
public sealed class IdpOptions
{
    public const string SectionName = "Idp";

    /// <summary>
    /// The public origin (<c>Idp:Issuer</c>): the token issuer and the base of every link. Never taken from the
    /// request's Host header. Required outside Development; in Development it defaults to the first address the
    /// server listens on (<c>--urls</c>), else <c>http://localhost:5000</c>.
    /// </summary>
    public string? Issuer { get; set; }

    public BootstrapSettings Bootstrap { get; set; } = new();

    public CertificateSettings Certificates { get; set; } = new();

    public SessionSettings Sessions { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public AdminSettings Admin { get; set; } = new();

    /// <summary>
    /// The section as configured, for the few decisions taken while services are registered (which certificates to
    /// load); everything else reads <c>IOptions&lt;IdpOptions&gt;</c>, validated at start.
    /// </summary>
    public static IdpOptions ReadAtRegistration(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<IdpOptions>() ?? new IdpOptions();

    /// <summary>The validated issuer as a URI; only meaningful after start-up validation.</summary>
    public Uri IssuerUri => new(Issuer!, UriKind.Absolute);
}

public sealed class BootstrapSettings
{
    /// <summary>
    /// <c>Idp:Bootstrap:Path</c>: the declarative bootstrap file applied at every start. Default: none, except in
    /// Development, where the server's <c>bootstrap.demo.json</c> is applied.
    /// </summary>
    public string? Path { get; set; }
}

public sealed class SessionSettings
{
    /// <summary>
    /// <c>Idp:Sessions:CheckInterval</c>: how often a session cookie is checked against the database (password
    /// changed, session ended elsewhere, user locked). Default 1 minute: an ended session stops working within a
    /// minute, for one query per browser per minute. Allowed 0 (every request) to 30 minutes.
    /// </summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class ForwardedHeadersSettings
{
    /// <summary>
    /// <c>Idp:ForwardedHeaders:KnownProxies</c>: addresses of reverse proxies (such as <c>10.0.0.5</c>) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Default: none, and with neither list set
    /// the headers are ignored, since anyone could send them. The Host header is never taken from a proxy.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary><c>Idp:ForwardedHeaders:KnownNetworks</c>: the same for whole networks in CIDR form (<c>10.0.0.0/8</c>). Default: none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public sealed class AdminSettings
{
    /// <summary>
    /// <c>Idp:Admin:RequireMfa</c>: the dashboard (and the jobs dashboard) opens only to an administrator who signed in
    /// with a second factor; one without a factor is sent to set one up first. Default true.
    /// </summary>
    public bool RequireMfa { get; set; } = true;
}

public sealed class CertificateSettings
{
    /// <summary><c>Idp:Certificates:Signing</c>: signs tokens. Required outside Development.</summary>
    public CertificateFile Signing { get; set; } = new();

    /// <summary><c>Idp:Certificates:Encryption</c>: encrypts codes and refresh tokens. Required outside Development.</summary>
    public CertificateFile Encryption { get; set; } = new();
}

public sealed class CertificateFile
{
    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its RSA private key.</summary>
    public string? Path { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path);

    public X509Certificate2 Load() =>
        X509CertificateLoader.LoadPkcs12FromFile(Path!, Password, X509KeyStorageFlags.EphemeralKeySet);
}
