using IdpSmsReset.Core.Limits;

namespace IdpSmsReset.UnitTests.Limits;

public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("198.51.100.7", 64, "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", 64, "198.51.100.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:aaaa::1", 48, "2001:db8:1::/48")]
    [InlineData("2001:db8:1:2:aaaa::1", 128, "2001:db8:1:2:aaaa::1/128")]
    public void Of_Address_CountsByItsNetwork(string address, int prefix, string expected) =>
        Assert.Equal(expected, ClientNetwork.Of(address, prefix));

    [Fact]
    public void Of_TwoAddressesOfOneSubscriber_SameKey() =>
        Assert.Equal(ClientNetwork.Of("2001:db8:0:7::1", 64), ClientNetwork.Of("2001:db8:0:7:ffff:ffff:ffff:fffe", 64));

    [Fact]
    public void Of_NoAddress_Null() => Assert.Null(ClientNetwork.Of(null, 64));
}
