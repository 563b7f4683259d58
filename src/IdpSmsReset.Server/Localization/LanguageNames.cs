using System.Globalization;

namespace IdpSmsReset.Server.Localization;

/// <summary>A language as its own speakers write its name (en → English, es → Español): the switcher's and the lists'.</summary>
public static class LanguageNames
{
    public static string Of(string code)
    {
        var culture = CultureInfo.GetCultureInfo(code);
        return culture.TextInfo.ToUpper(culture.NativeName[0]) + culture.NativeName[1..];
    }
}
