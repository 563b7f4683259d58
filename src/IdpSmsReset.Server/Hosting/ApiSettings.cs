namespace IdpSmsReset.Server.Hosting;

/// <summary>The <c>Idp:Api</c> section: the management API (<c>/api/v1</c>) and SCIM (<c>/scim/v2</c>).</summary>
public sealed class ApiSettings
{
    /// <summary>
    /// <c>Idp:Api:Enabled</c>: whether <c>/api/v1</c> and <c>/scim/v2</c> answer (default true). Either way only an
    /// application an administrator gave <c>idp:admin</c>, <c>idp:admin:read</c> or <c>idp:scim</c> gets in.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// <c>Idp:Api:Docs</c>: whether the OpenAPI description is served at <c>/openapi/v1.json</c>, and the interactive
    /// reference (Scalar) at <c>/api/docs/</c>. Default: in Development
    /// only (it tells an attacker nothing a token would not, but a production server need not advertise itself).
    /// </summary>
    public bool? Docs { get; set; }

    /// <summary>
    /// <c>Idp:Api:RequestsPerMinutePerClient</c>: how many calls one application may make to <c>/api/v1</c> and
    /// <c>/scim/v2</c> in a minute, counted across every instance (default 600; 1 to 100000). Beyond it: 429 with
    /// <c>Retry-After</c>. Entra ID provisions at up to a few calls a second; a script looping on users stays well below.
    /// </summary>
    public int RequestsPerMinutePerClient { get; set; } = 600;

    /// <summary>
    /// <c>Idp:Api:MaxRequestBodyBytes</c>: the largest request body <c>/api/v1</c> and <c>/scim/v2</c> read (default
    /// 1048576, 1 MiB; 1024 to 104857600). A larger one is refused with 413 before it is read.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// <c>Idp:Api:MaxImportBodyBytes</c>: the largest body <c>POST /api/v1/users:import</c> reads (default 268435456,
    /// 256 MiB, about a million users in JSON lines; 1024 to 10737418240). It is read as it arrives, never held whole.
    /// </summary>
    public long MaxImportBodyBytes { get; set; } = 256L * 1024 * 1024;
}
