using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>The people and applications of the journeys, given to the server as its bootstrap file.</summary>
public static class JourneyBootstrap
{
    public const string Password = "journey passphrase 2026";
    public const string AdminUserName = "admin";
    public const string ResetPolicyName = "Reset";
    public const string DeviceClientId = "journey-tv";
    public const string PasskeyPolicyName = "Passkeys";

    /// <summary>Each person's verified phone: one number each, so each journey reads its own SMS.</summary>
    public static string PhoneOf(string userName) => userName switch
    {
        // A number prefix of their own, whose budget the fraud guard's journey sets to one message an hour.
        "nina" => "+16285553006",
        "otto" => "+16285553007",
        _ => "+1415555" + OwnDigitsOf(userName),
    };

    private static string OwnDigitsOf(string userName) => userName switch
    {
        "sam" => "3001",
        "rita" => "3002",
        "walt" => "3003",
        "fran" => "3004",
        "rosa" => "3005",
        _ => throw new ArgumentException($"{userName} has no phone in the journeys.", nameof(userName)),
    };

    private static readonly string[] BothFactors = ["sms", "totp"];
    private static readonly string[] Scopes = ["openid", "profile", "email"];

    public static string Json(string appUrl, bool withSmsFactor,
        IReadOnlyList<Core.Federation.IdentityProviderDefinition>? identityProviders = null) => BootstrapFile.Json(new BootstrapDocument
    {
        SmsFraudGuard = BootstrapFile.TestFraudGuard(),
        IdentityProviders = [.. identityProviders ?? []],
        Applications =
        [
            BootstrapFile.CodeFlowApplication(
                RelyingParty.ClientId, RelyingParty.ClientSecret, "Journey App", [$"{appUrl}/signin-oidc"], Scopes,
                explicitConsent: true, postLogoutRedirectUris: [$"{appUrl}/signout-callback-oidc"],
                backchannelLogoutUri: appUrl + RelyingParty.BackchannelLogoutPath),
            BootstrapFile.CodeFlowApplication(
                RelyingParty.CorporateClientId, RelyingParty.ClientSecret, "Corporate Journey App", [$"{appUrl}/signin-corporate"], Scopes,
                theme: "corporate", postLogoutRedirectUris: [$"{appUrl}/signout-callback-corporate"]),
            new ApplicationDefinition
            {
                ClientId = RelyingParty.SpaClientId, DisplayName = "Journey SPA", Type = ApplicationVocabulary.Public,
                GrantTypes = [ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken],
                RedirectUris = [$"{appUrl}/spa/callback.html"], PostLogoutRedirectUris = [$"{appUrl}/spa/index.html"],
                Scopes = ["openid", "profile", "offline_access"],
            },
            new ApplicationDefinition
            {
                ClientId = DeviceClientId, DisplayName = "Journey TV", Type = ApplicationVocabulary.Public,
                GrantTypes = [ApplicationVocabulary.DeviceCode], Scopes = ["openid", "profile"],
            },
        ],
        Policies =
        [
            BootstrapFile.Policy("Mfa", BothFactors, requireMfa: true),
            BootstrapFile.Policy("Apps", BothFactors, requireMfa: false),
            BootstrapFile.Policy(ResetPolicyName, BothFactors, smsReset: true),
            new BootstrapPolicy
            {
                Name = PasskeyPolicyName,
                Mfa = new BootstrapPolicy.MfaSection { Factors = ["totp", "passkey"], Require = "never", Passwordless = true },
            },
        ],
        Users =
        [
            Person("alice", "Alice Journey", null),
            Person("bea", "Bea Journey", null),
            Person("cleo", "Cleo Journey", null),
            Person("sam", "Sam Journey", "Mfa"),
            Person("tom", "Tom Journey", "Apps"),
            Person("rita", "Rita Journey", ResetPolicyName),
            Person("walt", "Walt Journey", ResetPolicyName),
            Person("fran", "Fran Journey", ResetPolicyName),
            Person("rosa", "Rosa Journey", ResetPolicyName),
            Person("nina", "Nina Journey", ResetPolicyName),
            Person("otto", "Otto Journey", ResetPolicyName),
            Person("pia", "Pia Journey", PasskeyPolicyName),
            BootstrapFile.Person(AdminUserName, Password, "Ada Admin", roles: ["admin"], withEmail: false),
        ],
        SmsFactor = withSmsFactor ? BootstrapFile.SmsFactor() : null,
    });

    private static BootstrapUser Person(string name, string displayName, string? policy) =>
        BootstrapFile.Person(name, Password, displayName,
            phone: name is "alice" or "tom" or "bea" or "pia" or "cleo" ? null : PhoneOf(name), policy: policy);
}
