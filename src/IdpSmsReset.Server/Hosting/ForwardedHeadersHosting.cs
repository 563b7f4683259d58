using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Behind a reverse proxy that terminates TLS: the client's address and scheme are taken from
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, but only from the proxies listed in
/// <c>Idp:ForwardedHeaders</c>. Per-address limits then count the user, not the proxy, and cookies keep
/// <c>Secure</c>. The host is never taken from a header: every link is built from <c>Idp:Issuer</c>.
/// </summary>
public static class ForwardedHeadersHosting
{
    public static IApplicationBuilder UseIdpForwardedHeaders(this IApplicationBuilder app, ForwardedHeadersSettings settings)
    {
        if (!settings.IsConfigured)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walks back through the listed proxies and stops at the first address that is not one of them.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        // A malformed entry is reported by the start-up validation (IdpOptionsValidator); none is trusted meanwhile.
        foreach (var proxy in settings.KnownProxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
        }

        foreach (var network in settings.KnownNetworks)
        {
            if (System.Net.IPNetwork.TryParse(network, out var parsed))
            {
                options.KnownIPNetworks.Add(parsed);
            }
        }

        return app.UseForwardedHeaders(options);
    }
}
