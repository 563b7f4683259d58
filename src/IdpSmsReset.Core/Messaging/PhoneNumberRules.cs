using IdpSmsReset.Core.Problems;
using PhoneNumbers;

namespace IdpSmsReset.Core.Messaging;

/// <summary>Phone numbers as SMS needs them: E.164, with the country they belong to.</summary>
public static partial class PhoneNumberRules
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// Normalises <paramref name="input"/> (which must carry its +country code) or says why it cannot (the field keeps what
    /// was typed).
    /// </summary>
    public static bool TryNormalize(string? input, out string e164, out string country, out Problem? problem)
    {
        e164 = "";
        country = "";
        problem = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            problem = PhoneProblems.Required;
            return false;
        }

        try
        {
            var number = Util.Parse(input, null);
            if (!Util.IsValidNumber(number))
            {
                problem = PhoneProblems.Invalid;
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            country = Util.GetRegionCodeForNumber(number);
            return true;
        }
        catch (NumberParseException)
        {
            problem = PhoneProblems.NotInternational;
            return false;
        }
    }

    public static bool IsKnownCountry(string code) => Util.GetSupportedRegions().Contains(code.ToUpperInvariant());

    /// <summary>
    /// A provider's text (an error, a status note) with every phone-number-like run of seven or more digits masked:
    /// Twilio quotes the full number in some errors, and that text reaches the message log and the logs.
    /// </summary>
    public static string MaskNumbersIn(string text) =>
        PhoneLikeRun().Replace(text, match =>
        {
            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            return digits.Length < 7 ? match.Value : Mask("+" + digits);
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"\+?\d[\d \-().]{5,}\d")]
    private static partial System.Text.RegularExpressions.Regex PhoneLikeRun();

    /// <summary>The number as pages may show it: only the last two digits (<c>+•••••••••00</c>).</summary>
    public static string Mask(string e164) =>
        e164.Length <= 4 ? new string('•', e164.Length) : "+" + new string('•', e164.Length - 3) + e164[^2..];
}
