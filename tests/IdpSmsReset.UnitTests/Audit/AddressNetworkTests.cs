using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.UnitTests.Audit;

public sealed class AddressNetworkTests
{
    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    [InlineData("2001:db8:1234:5678::1", "2001:db8:1234::/48")]
    [InlineData("not an address", null)]
    [InlineData(null, null)]
    public void Of_AnAddress_KeepsOnlyItsNetwork(string? address, string? network) => Assert.Equal(network, AddressNetwork.Of(address));
}
