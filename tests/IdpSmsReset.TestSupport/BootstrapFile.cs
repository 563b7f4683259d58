using System.Text.Json;
using System.Text.Json.Serialization;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;

namespace IdpSmsReset.TestSupport;

/// <summary>
/// The bootstrap file a test server starts with, written from Core's own document types: the integration tests, the
/// browser journeys and the benchmark describe their applications, policies and people alike, and a field the reader
/// does not know cannot be written.
/// </summary>
public static class BootstrapFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Json(BootstrapDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>
    /// The fraud guard of servers whose tests are not about it: the defaults, but for the prefix budget. Every test number
    /// is +1 415 555 ····, one 6-digit prefix: exactly a pumping run to the guard, whose default holds the 21st message
    /// of an hour.
    /// </summary>
    public static Core.Messaging.FraudGuard.SmsFraudGuardDefinition TestFraudGuard() => new() { HourlyMessagesPerPrefix = 100_000 };

    /// <summary>A code-flow application (with refresh tokens when <paramref name="refreshTokens"/>); public without a secret.</summary>
    public static ApplicationDefinition CodeFlowApplication(
        string clientId, string? secret, string displayName, IEnumerable<string> redirectUris, IEnumerable<string> scopes,
        bool refreshTokens = false, bool explicitConsent = false, string? theme = null, IEnumerable<string>? postLogoutRedirectUris = null,
        string? backchannelLogoutUri = null) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        DisplayName = displayName,
        Type = secret is null ? ApplicationVocabulary.Public : ApplicationVocabulary.Confidential,
        Consent = explicitConsent ? ApplicationVocabulary.ExplicitConsent : ApplicationVocabulary.ImplicitConsent,
        RedirectUris = [.. redirectUris],
        PostLogoutRedirectUris = [.. postLogoutRedirectUris ?? []],
        GrantTypes = refreshTokens
            ? [ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken]
            : [ApplicationVocabulary.AuthorizationCode],
        Scopes = [.. scopes],
        Theme = theme,
        BackchannelLogoutUri = backchannelLogoutUri,
        BackchannelLogoutSessionRequired = backchannelLogoutUri is not null,
    };

    /// <summary>A machine client: client credentials only, no scopes.</summary>
    public static ApplicationDefinition ServiceApplication(string clientId, string secret, string displayName) => new()
    {
        ClientId = clientId,
        ClientSecret = secret,
        DisplayName = displayName,
        Type = ApplicationVocabulary.Confidential,
        GrantTypes = [ApplicationVocabulary.ClientCredentials],
    };

    /// <summary>
    /// A policy: its second factors (<c>sms</c>, <c>totp</c>) and whether one is always required, SMS reset, and a
    /// lockout; everything omitted keeps the defaults.
    /// </summary>
    public static BootstrapPolicy Policy(
        string name, string[]? factors = null, bool? requireMfa = null, bool smsReset = false, int? lockoutAfter = null,
        int? lockoutMinutes = null, bool isDefault = false) => new()
    {
        Name = name,
        IsDefault = isDefault,
        Mfa = factors is null && requireMfa is null
            ? null
            : new BootstrapPolicy.MfaSection { Factors = factors is null ? null : [.. factors], Require = requireMfa switch
            {
                true => "always",
                false => "never",
                null => null,
            } },
        PasswordReset = smsReset ? new BootstrapPolicy.PasswordResetSection { Sms = true } : null,
        Lockout = lockoutAfter is null && lockoutMinutes is null
            ? null
            : new BootstrapPolicy.LockoutSection { MaxFailedAttempts = lockoutAfter, LockoutMinutes = lockoutMinutes },
    };

    /// <summary>A person; an email of <c>name@example.com</c> unless told otherwise (null: none).</summary>
    public static BootstrapUser Person(
        string userName, string password, string? displayName = null, string? phone = null, string? policy = null,
        string[]? roles = null, Dictionary<string, string>? attributes = null, bool withEmail = true) => new()
    {
        UserName = userName,
        Email = withEmail ? $"{userName}@example.com" : null,
        DisplayName = displayName,
        Password = password,
        PhoneNumber = phone,
        Policy = policy,
        Roles = [.. roles ?? []],
        Attributes = attributes ?? [],
    };

    /// <summary>The SMS factor with <see cref="FakeTwilio"/>'s account (or another), sending from its number, to any country.</summary>
    public static BootstrapSmsFactor SmsFactor(
        string accountSid = FakeTwilio.AccountSid, string authToken = FakeTwilio.AuthToken, string from = FakeTwilio.From) => new()
    {
        AccountSid = accountSid,
        AuthToken = authToken,
        From = from,
        PhoneField = "PhoneNumber",
    };
}
