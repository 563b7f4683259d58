namespace IdpSmsReset.Core.Messaging.Templates;

/// <summary>
/// What a template may say in braces, and the longest each can become (for the segment count): the code (up to 8
/// digits), the lifetime in the user's language ("10 minutes", "24 heures"), the administrator's reset link, the
/// product (the issuer's host).
/// </summary>
public static class SmsPlaceholders
{
    public const string Code = "{code}";
    public const string Minutes = "{minutes}";
    public const string Link = "{link}";
    public const string Product = "{product}";

    public const int LongestCode = 8;
    public const int LongestMinutes = 12;

    /// <summary>The reset link: the issuer, the code page's path and the flow's id.</summary>
    public static int LongestLink(string host) => "https://".Length + host.Length + "/account/reset-code?flow=".Length + 36;

    /// <summary>The final text: each placeholder replaced; a code purpose ends with the origin-bound line.</summary>
    public static string Render(string purpose, string template, string code, string minutes, string? link, string host)
    {
        var text = template.Replace(Code, code, StringComparison.Ordinal)
            .Replace(Minutes, minutes, StringComparison.Ordinal)
            .Replace(Link, link ?? "", StringComparison.Ordinal)
            .Replace(Product, host, StringComparison.Ordinal);
        return SmsTemplatePurposes.CarriesCode(purpose) ? text + OriginLine(host, code) : text;
    }

    /// <summary>The origin-bound last line of a message with a code (WICG "SMS one-time codes"): always appended.</summary>
    public static string OriginLine(string host, string code) => $"\n\n@{host} #{code}";
}
