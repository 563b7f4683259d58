using IdpSmsReset.Core.Messaging.FraudGuard;
using PhoneNumbers;

namespace IdpSmsReset.UnitTests.Messaging.FraudGuard;

public sealed class SmsNumberCheckTests
{
    [Theory]
    [InlineData("+19005550123", "a premium-rate number")]
    [InlineData("+447781234567", null)] // a UK mobile
    [InlineData("+2348035550001", null)] // a Nigerian mobile, the pumping test's range
    [InlineData("+14155550100", null)]
    [InlineData("+33612345678", null)]
    [InlineData("+448431234567", "a premium-rate number")] // 0843: premium in Ofcom's plan
    public void Refusal_NumberOfAType_RefusedOnlyWhenItEarnsByReceiving(string number, string? refusal) =>
        Assert.Equal(refusal, SmsNumberCheck.Refusal(number, allowVoip: true));

    [Theory]
    [InlineData("FR", PhoneNumberType.SHARED_COST, "a shared-cost number")]
    [InlineData("GB", PhoneNumberType.UAN, "a universal access number (UAN)")]
    [InlineData("DE", PhoneNumberType.PREMIUM_RATE, "a premium-rate number")]
    public void Refusal_LibphonenumbersOwnExampleOfAType_Refused(string region, PhoneNumberType type, string refusal)
    {
        var util = PhoneNumberUtil.GetInstance();
        var example = util.Format(util.GetExampleNumberForType(region, type), PhoneNumberFormat.E164);

        Assert.Equal(refusal, SmsNumberCheck.Refusal(example, allowVoip: true));
    }

    [Fact]
    public void Refusal_VoipNumber_RefusedOnlyWhenTheGuardSaysSo()
    {
        const string voip = "+445612345678";

        Assert.Null(SmsNumberCheck.Refusal(voip, allowVoip: true));
        Assert.Equal("a VoIP number, which the fraud guard does not allow", SmsNumberCheck.Refusal(voip, allowVoip: false));
    }

    [Theory]
    [InlineData("+2348035550001", 6, "+234-803555")]
    [InlineData("+14155550100", 6, "+1-415555")]
    [InlineData("+14155550100", 3, "+1-415")]
    [InlineData("+3545511234", 6, "+354-55112")] // a short national number keeps two digits out of its prefix
    public void PrefixOf_Number_CountryCodeAndFirstNationalDigits(string number, int digits, string prefix) =>
        Assert.Equal(prefix, SmsNumberCheck.PrefixOf(number, digits));
}
