using IdpSmsReset.Core.Audit;

namespace IdpSmsReset.UnitTests.Audit;

public sealed class UserAgentFamilyTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 "
        + "Edg/131.0.0.0", "Edge")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
        + "Mobile/15E148 Safari/604.1", "Safari")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("SomethingNew/1.0", "Other")]
    [InlineData("", null)]
    public void Of_AUserAgentHeader_NamesOnlyTheFamily(string header, string? family) => Assert.Equal(family, UserAgentFamily.Of(header));
}
