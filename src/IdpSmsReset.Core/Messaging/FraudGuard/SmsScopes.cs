namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>What a budget counts: every message, one country's, or one number prefix's.</summary>
public static class SmsScopes
{
    public const string Total = "total";

    public static string Country(string country) => "country:" + country.ToUpperInvariant();

    /// <summary>A prefix is its country calling code and the first national digits: <c>prefix:+234-803555</c>.</summary>
    public static string Prefix(string prefix) => "prefix:" + prefix;

    public static bool IsCountry(string scope) => scope.StartsWith("country:", StringComparison.Ordinal);

    public static string CountryOf(string scope) => IsCountry(scope) ? scope["country:".Length..] : "";

    /// <summary>The scope in words, for the dashboard and the audit.</summary>
    public static string Describe(string scope) =>
        scope == Total ? "all countries"
        : IsCountry(scope) ? CountryOf(scope)
        : scope.StartsWith("prefix:", StringComparison.Ordinal) ? "numbers starting " + scope["prefix:".Length..]
        : scope;
}
