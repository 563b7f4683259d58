using UAParser;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>
/// A session's user agent as a person recognises it ("Firefox 128 on Ubuntu"), by ua-parser's maintained patterns
/// (the UAParser package) rather than patterns of our own, which would age with every new browser.
/// </summary>
public static class BrowserDescription
{
    // The agent is whatever the browser sent: a slow pattern gives up rather than hold the page (ReDoS).
    private static readonly Lazy<Parser> Patterns = new(() => Parser.GetDefault(new ParserOptions
    {
        MatchTimeOut = TimeSpan.FromMilliseconds(50), UseCompiledRegex = false,
    }));

    /// <summary>Longer agents are not parsed: none that a browser sends is near this.</summary>
    private const int MaxParsedLength = 512;

    /// <returns>Browser and version, and the operating system; null when neither is recognised.</returns>
    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent) || userAgent.Length > MaxParsedLength)
        {
            return null;
        }

        try
        {
            var client = Patterns.Value.Parse(userAgent);
            var browser = client.UA.Family is { } family && family != "Other"
                ? string.Join(' ', new[] { family, client.UA.Major }.Where(part => !string.IsNullOrEmpty(part)))
                : null;
            var system = client.OS.Family is { } os && os != "Other"
                ? string.Join(' ', new[] { os, client.OS.Major }.Where(part => !string.IsNullOrEmpty(part)))
                : null;
            return (browser, system) switch
            {
                (null, null) => null,
                (_, null) => browser,
                (null, _) => system,
                _ => $"{browser} · {system}",
            };
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
