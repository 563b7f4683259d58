using PhoneNumbers;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// What kind of number a message goes to, by libphonenumber's metadata, before anything is sent: premium-rate,
/// shared-cost and UAN numbers earn their carrier money per message received (what SMS pumping sells), and a number of
/// no known type may be one; VoIP numbers only where the guard allows them.
/// </summary>
public static class SmsNumberCheck
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Why the number must not receive SMS (null: it may).</summary>
    public static string? Refusal(string e164, bool allowVoip)
    {
        var type = Util.GetNumberType(Util.Parse(e164, null));
        return type switch
        {
            PhoneNumberType.PREMIUM_RATE => "a premium-rate number",
            PhoneNumberType.SHARED_COST => "a shared-cost number",
            PhoneNumberType.UAN => "a universal access number (UAN)",
            PhoneNumberType.UNKNOWN => "a number of no known type",
            PhoneNumberType.VOIP when !allowVoip => "a VoIP number, which the fraud guard does not allow",
            _ => null,
        };
    }

    /// <summary>
    /// The range the number belongs to: its country calling code and the first <paramref name="digits"/> national digits
    /// (fewer for short numbers, so that a prefix never names one number), <c>+234-803555</c>.
    /// </summary>
    public static string PrefixOf(string e164, int digits)
    {
        var number = Util.Parse(e164, null);
        var national = Util.GetNationalSignificantNumber(number);
        var length = Math.Clamp(Math.Min(digits, national.Length - 2), 1, national.Length);
        return $"+{number.CountryCode}-{national[..length]}";
    }
}
