using System.Globalization;

namespace IdpSmsReset.Core.Messaging;

/// <summary>Writes an SMS in a given language where no request sets it (a background job).</summary>
public static class SmsLanguage
{
    /// <summary>The languages of the hosted pages and of the SMS (English first, the default).</summary>
    public static readonly IReadOnlyList<string> Supported = ["en", "es", "fr"];

    public static string In(string? language, Func<string> write)
    {
        if (string.IsNullOrEmpty(language))
        {
            return write();
        }

        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return write();
        }
        catch (CultureNotFoundException)
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
