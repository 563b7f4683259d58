namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// The <c>Idp</c> configuration section: the catalogue of every setting, each under <c>Idp:</c>. The sections below are
/// bound on their own too (each service reads its own class); this whole tree is bound once with unknown keys refused,
/// so a misspelt key anywhere under <c>Idp:</c> stops the start. Every default is documented once, in its class.
/// </summary>
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

    public BootstrapAdminSettings BootstrapAdmin { get; set; } = new();

    public CertificateSettings Certificates { get; set; } = new();

    public SessionSettings Sessions { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public AdminSettings Admin { get; set; } = new();

    public MetricsSettings Metrics { get; set; } = new();

    public Core.Persistence.DatabaseOptions Database { get; set; } = new();

    public JobsOptions Jobs { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    public PasswordResetSettings PasswordReset { get; set; } = new();

    public Core.Devices.DeviceFlowOptions DeviceFlow { get; set; } = new();

    public Core.Limits.ClientNetworkOptions ClientNetwork { get; set; } = new();

    public Core.Persistence.CacheOptions Cache { get; set; } = new();

    public Core.Keys.TokenKeyOptions Keys { get; set; } = new();

    public Theming.ThemeOptions Themes { get; set; } = new();

    public Core.Users.BackchannelLogoutOptions BackchannelLogout { get; set; } = new();

    public Core.Audit.AuditOptions Audit { get; set; } = new();

    public Core.Events.WebhookOptions Webhooks { get; set; } = new();

    public ClientAssertionSettings ClientAssertions { get; set; } = new();

    public ApiSettings Api { get; set; } = new();

    public Core.Applications.Registration.DynamicClientRegistrationOptions DynamicClientRegistration { get; set; } = new();

    /// <summary>
    /// The section as configured, for the few decisions taken while services are registered (which certificates to
    /// load); everything else reads <c>IOptions&lt;IdpOptions&gt;</c>, validated at start.
    /// </summary>
    public static IdpOptions ReadAtRegistration(IConfiguration configuration)
    {
        // Only the sections read there: a bad value elsewhere is for the validation at start to name, not to end this.
        var section = configuration.GetSection(SectionName);
        var options = new IdpOptions();
        section.GetSection(nameof(Certificates)).Bind(options.Certificates);
        section.GetSection(nameof(Admin)).Bind(options.Admin);
        section.GetSection(nameof(ForwardedHeaders)).Bind(options.ForwardedHeaders);
        section.GetSection(nameof(Metrics)).Bind(options.Metrics);
        section.GetSection(nameof(Api)).Bind(options.Api);
        return options;
    }

    /// <summary>The validated issuer as a URI; only meaningful after start-up validation.</summary>
    public Uri IssuerUri => new(Issuer!, UriKind.Absolute);

    /// <summary>The issuer without its trailing slash: what this server's own URLs are built on (<c>{IssuerBase}/path</c>).</summary>
    public string IssuerBase => IssuerUri.AbsoluteUri.TrimEnd('/');
}
