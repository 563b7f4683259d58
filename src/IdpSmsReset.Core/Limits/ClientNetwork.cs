using System.Net;
using System.Net.Sockets;

namespace IdpSmsReset.Core.Limits;

/// <summary>
/// The key that per-address limits count by. An IPv4 address counts alone; an IPv6 address counts with its whole
/// network (by default its /64), because one subscriber is handed a /64 and can pick any address in it.
/// </summary>
public static class ClientNetwork
{
    public const int MaxLength = 64;

    public static string? Of(string? ipAddress, int ipv6PrefixLength)
    {
        if (ipAddress is null || !IPAddress.TryParse(ipAddress, out var address))
        {
            return ipAddress is { Length: > MaxLength } ? ipAddress[..MaxLength] : ipAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        for (var bit = ipv6PrefixLength; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return $"{new IPAddress(bytes)}/{ipv6PrefixLength}";
    }
}
