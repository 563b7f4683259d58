namespace IdpSmsReset.Core.Limits;

/// <summary>
/// The <c>Idp:ClientNetwork</c> section: what every per-address budget counts as one address. The default is documented
/// here and nowhere else.
/// </summary>
public sealed class ClientNetworkOptions
{
    public const string SectionName = "Idp:ClientNetwork";

    /// <summary>How much of an IPv6 address makes "one address" for every per-address limit. Default 64. Allowed 32–128.</summary>
    public int Ipv6PrefixLength { get; set; } = 64;

    /// <summary>The subject a per-address budget counts <paramref name="ipAddress"/> by; null when there is no address.</summary>
    public string? Of(string? ipAddress) => ClientNetwork.Of(ipAddress, Ipv6PrefixLength);

    public IReadOnlyList<string> Validate() => Ipv6PrefixLength is < 32 or > 128
        ? [$"{SectionName}:{nameof(Ipv6PrefixLength)} must be between 32 and 128; it is {Ipv6PrefixLength}."]
        : [];
}
