namespace IdpSmsReset.Server.Hosting;

public sealed class ForwardedHeadersSettings
{
    /// <summary>
    /// <c>Idp:ForwardedHeaders:KnownProxies</c>: addresses of reverse proxies (such as <c>10.0.0.5</c>) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Default: none, and with neither list set
    /// the headers are ignored, since anyone could send them. The Host header is never taken from a proxy.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary><c>Idp:ForwardedHeaders:KnownNetworks</c>: the same for whole networks in CIDR form (<c>10.0.0.0/8</c>). Default:
    /// none.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
