using System.Net;
using System.Net.Sockets;

namespace IdpSmsReset.Core.Audit;

/// <summary>An address cut to its network: enough to tell where attempts come from, not which machine sent them.</summary>
public static class AddressNetwork
{
    public const int IPv4PrefixLength = 24;

    public const int IPv6PrefixLength = 48;

    /// <summary><c>203.0.113.0/24</c> for <c>203.0.113.7</c>; <c>2001:db8:1::/48</c> for an IPv6 address; null stays null.</summary>
    public static string? Of(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var parsed))
        {
            return null;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            parsed = parsed.MapToIPv4();
        }

        var prefix = parsed.AddressFamily == AddressFamily.InterNetwork ? IPv4PrefixLength : IPv6PrefixLength;
        var bytes = parsed.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return $"{new IPAddress(bytes)}/{prefix}";
    }
}
