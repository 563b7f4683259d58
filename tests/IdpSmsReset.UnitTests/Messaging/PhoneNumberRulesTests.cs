using IdpSmsReset.Core.Messaging;

namespace IdpSmsReset.UnitTests.Messaging;

public sealed class PhoneNumberRulesTests
{
    [Theory]
    [InlineData("+14155552671", "+14155552671", "US")]
    [InlineData("+1 (415) 555-2671", "+14155552671", "US")]
    [InlineData("+44 20 7183 8750", "+442071838750", "GB")]
    [InlineData("+14155550100", "+14155550100", "US")]
    [InlineData("+33 6 12 34 56 78", "+33612345678", "FR")]
    public void TryNormalize_InternationalNumber_GivesE164AndCountry(string input, string e164, string country)
    {
        Assert.True(PhoneNumberRules.TryNormalize(input, out var normalized, out var region, out var problem), problem);
        Assert.Equal(e164, normalized);
        Assert.Equal(country, region);
    }

    [Theory]
    [InlineData("4155552671", "international form")]
    [InlineData("+1 555", "not a valid phone number")]
    [InlineData("", "required")]
    [InlineData("call me", "international form")]
    public void TryNormalize_BadInput_SaysWhy(string input, string expected)
    {
        Assert.False(PhoneNumberRules.TryNormalize(input, out _, out _, out var problem));
        Assert.Contains(expected, problem);
    }
}
