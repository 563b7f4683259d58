using System.Net;
using System.Net.Sockets;

namespace IdpSmsReset.Core.Net;

/// <summary>
/// Where the server may send a request that an administrator's or application's URL chose (back-channel logout, and
/// later webhooks): never a redirect's next hop, and outside Development never this machine or a private network, as
/// a URL pointing there turns the server into a probe of what stands behind it. Checked against the address actually
/// connected to, so a name that resolves to an internal address (or changes its answer) is refused too.
/// </summary>
public static class OutboundDestinations
{
    /// <summary>
    /// A handler that follows no redirect and, unless <paramref name="allowInternal"/>, connects to public addresses only.
    /// </summary>
    public static SocketsHttpHandler Handler(bool allowInternal) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowInternal, cancellationToken),
    };

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Link-local, site-local, unique local (fc00::/7), and the IPv4-translating prefixes that can reach inside.
            var bytes = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || (bytes[0] & 0xFE) == 0xFC || address.IsIPv6Multicast
                || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B);
        }

        var octets = address.GetAddressBytes();
        return octets[0] switch
        {
            0 or 10 or 127 => true,
            100 => octets[1] is >= 64 and <= 127,      // carrier-grade NAT
            169 => octets[1] == 254,                   // link-local, cloud metadata services
            172 => octets[1] is >= 16 and <= 31,
            192 => octets[1] == 168 || (octets[1] == 0 && octets[2] is 0 or 2),
            198 => octets[1] is 18 or 19,              // benchmarking
            >= 224 => true,                            // multicast, reserved, broadcast
            _ => false,
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowInternal, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = allowInternal ? addresses : [.. addresses.Where(address => !IsInternal(address))];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError,
                $"The destination '{endpoint.Host}' is on this machine or a private network, where the server sends nothing.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // The address checked is the address connected to: no second lookup in between.
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
