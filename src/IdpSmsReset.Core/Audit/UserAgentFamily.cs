namespace IdpSmsReset.Core.Audit;

/// <summary>
/// A browser's family from its User-Agent header. The audit keeps the family only: the whole header is close to a
/// fingerprint, and "the same Chrome on every attempt" is what an investigator asks.
/// </summary>
public static class UserAgentFamily
{
    public const int MaxLength = 32;

    // Order matters: Edge and Opera say "Chrome" too, Chrome says "Safari".
    private static readonly (string Marker, string Family)[] Families =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"), ("curl/", "curl"), ("python-requests", "python-requests"),
        ("okhttp", "okhttp"), ("Go-http-client", "Go"), ("node-fetch", "Node.js"), ("undici", "Node.js"),
    ];

    public static string? Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        foreach (var (marker, family) in Families)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return family;
            }
        }

        return "Other";
    }
}
