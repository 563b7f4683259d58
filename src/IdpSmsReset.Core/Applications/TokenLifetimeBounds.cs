namespace IdpSmsReset.Core.Applications;

/// <summary>
/// The lifetimes an application may choose for its tokens. An access token cannot be recalled from a resource server
/// that validates it offline, so it stays under a day; a refresh token must not outlive the signing keys kept to
/// read it back (<c>Idp:Keys:RetainAfter</c>, at least 15 days), so it stays within the server's 14 days.
/// </summary>
public static class TokenLifetimeBounds
{
    public static readonly (TimeSpan Min, TimeSpan Max) AccessToken = (TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
    public static readonly (TimeSpan Min, TimeSpan Max) IdentityToken = (TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));
    public static readonly (TimeSpan Min, TimeSpan Max) RefreshToken = (TimeSpan.FromHours(1), TimeSpan.FromDays(14));

    /// <summary>The problem with <paramref name="lifetime"/>, in words for the bootstrap file and the dashboard alike.</summary>
    public static string? ProblemOf(TimeSpan? lifetime, (TimeSpan Min, TimeSpan Max) bounds) =>
        lifetime is { } value && (value < bounds.Min || value > bounds.Max)
            ? $"must be between {Words(bounds.Min)} and {Words(bounds.Max)}."
            : null;

    private static string Words(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Plural((int)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Plural((int)span.TotalHours, "hour")
        : Plural((int)span.TotalMinutes, "minute");

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
