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

    /// <summary>
    /// Whether every authorization request must first be pushed to <c>/connect/par</c> (RFC 9126), so that no request
    /// parameter travels through the browser (<c>Idp:RequirePushedAuthorizationRequests</c>). False by default; an
    /// application can require it for itself (bootstrap <c>requirePushedAuthorizationRequests</c>, or its dashboard page).
    /// </summary>
    public bool RequirePushedAuthorizationRequests { get; set; }

    public BootstrapSettings Bootstrap { get; set; } = new();

    public CertificateSettings Certificates { get; set; } = new();

    public SessionSettings Sessions { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public AdminSettings Admin { get; set; } = new();

    public MetricsSettings Metrics { get; set; } = new();

    /// <summary>
    /// The section as configured, for the few decisions taken while services are registered (which certificates to
    /// load); everything else reads <c>IOptions&lt;IdpOptions&gt;</c>, validated at start.
    /// </summary>
    public static IdpOptions ReadAtRegistration(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<IdpOptions>() ?? new IdpOptions();

    /// <summary>The validated issuer as a URI; only meaningful after start-up validation.</summary>
    public Uri IssuerUri => new(Issuer!, UriKind.Absolute);
}
