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
        Assert.True(PhoneNumberRules.TryNormalize(input, out var normalized, out var region, out var problem), problem?.English);
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
        Assert.Contains(expected, problem!.English);
    }

    [Theory]
    [InlineData("Twilio error 21211: The 'To' number +14155552671 is not a valid phone number.", "+14155552671")]
    [InlineData("Attempt to send to unsubscribed recipient 1 (415) 555-2671", "555-2671")]
    [InlineData("Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +33612345678.",
        "+33612345678")]
    public void MaskNumbersIn_ProviderErrorQuotingTheNumber_OnlyTheLastTwoDigitsRemain(string text, string number)
    {
        var masked = PhoneNumberRules.MaskNumbersIn(text);

        Assert.DoesNotContain(number, masked);
        Assert.Contains("•" + number[^2..], masked);
    }

    [Fact]
    public void MaskNumbersIn_ErrorCodesAndShortNumbers_Unchanged()
    {
        const string text = "Twilio error 21211 (HTTP 400), retry in 30 s.";

        Assert.Equal(text, PhoneNumberRules.MaskNumbersIn(text));
    }
}
