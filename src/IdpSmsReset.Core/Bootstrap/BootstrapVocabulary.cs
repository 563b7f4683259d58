namespace IdpSmsReset.Core.Bootstrap;

/// <summary>The words a bootstrap file may use, in one place for the reader, the validator and the applier.</summary>
public static class BootstrapVocabulary
{
    public const string Confidential = "confidential";
    public const string Public = "public";

    public const string ImplicitConsent = "implicit";
    public const string ExplicitConsent = "explicit";

    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";

    public static readonly IReadOnlyList<string> ApplicationTypes = [Confidential, Public];
    public static readonly IReadOnlyList<string> ConsentTypes = [ImplicitConsent, ExplicitConsent];
    public static readonly IReadOnlyList<string> GrantTypes = [AuthorizationCode, RefreshToken, ClientCredentials];
    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "email", "phone", "offline_access"];

    /// <summary>The allowed words as a message lists them: 'a', 'b', 'c'.</summary>
    public static string Quote(IEnumerable<string> words) => string.Join(", ", words.Select(word => $"'{word}'"));
}
