using IdpSmsReset.Core.Bootstrap;

namespace IdpSmsReset.IntegrationTests.Infrastructure;

/// <summary>The applications and users every integration test can rely on. Each factory gets its own database.</summary>
public static class TestBootstrap
{
    public const string RelyingPartyOrigin = "https://rp.example";
    public const string RedirectUri = RelyingPartyOrigin + "/callback";
    public const string PostLogoutRedirectUri = RelyingPartyOrigin + "/signed-out";

    public const string WebClientId = "web";
    public const string WebClientSecret = "web-secret-0123456789";
    /// <summary>Asks for consent, and shows its pages in the <c>corporate</c> theme.</summary>
    public const string ConsentClientId = "consent-web";
    public const string SpaClientId = "spa";
    public const string ServiceClientId = "service";
    public const string ServiceClientSecret = "service-secret-0123456789";

    public const string Password = "a long enough passphrase";

    /// <summary>A policy with the SMS factor and SMS password reset on; alice belongs to it, everyone else to the default.</summary>
    public const string SmsPolicyName = "Standard";

    /// <summary>A policy that locks after 3 failures for 15 minutes; heidi belongs to it.</summary>
    public const string StrictPolicyName = "Strict";

    /// <summary>A policy that requires a second factor, by SMS or authenticator app; <see cref="MfaUserNames"/> belong to it.</summary>
    public const string MfaPolicyName = "Mfa";

    /// <summary>A policy that requires an authenticator app (no SMS); <see cref="AppOnlyUserNames"/> belong to it.</summary>
    public const string AppOnlyPolicyName = "AppOnly";

    /// <summary>
    /// SMS factor and SMS reset on, every reset rule the default (as the default policy's, so a reset looks the same
    /// as for an unknown name); <see cref="ResetUserNames"/> belong to it.
    /// </summary>
    public const string ResetPolicyName = "Reset";

    /// <summary>Like <see cref="ResetPolicyName"/>, and MFA required; <see cref="MfaResetUserNames"/> belong to it.</summary>
    public const string MfaResetPolicyName = "MfaReset";

    /// <summary>An administrator (role <c>admin</c>), besides <see cref="UserNames"/>.</summary>
    public const string AdminUserName = "root";

    /// <summary>Users the tests may lock, delete or change; each test that does so uses its own.</summary>
    public static readonly string[] UserNames = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];

    /// <summary>Users whose policy requires MFA; each has a verified phone of their own (<see cref="PhoneOf"/>).</summary>
    public static readonly string[] MfaUserNames = ["ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil"];

    /// <summary>Users whose policy requires an authenticator app and who have none yet.</summary>
    public static readonly string[] AppOnlyUserNames = ["trent", "victor", "walter"];

    /// <summary>Users who may reset their password by SMS, each with a phone of their own.</summary>
    public static readonly string[] ResetUserNames = ["uma", "vera", "wade", "xia", "yann", "zoe", "abel", "beth", "cole", "dina", "eli",
        "fred"];

    /// <summary>Users who may reset by SMS and must use MFA.</summary>
    public static readonly string[] MfaResetUserNames = ["gina", "hugo"];

    public static IEnumerable<string> AllUserNames => [.. UserNames, .. MfaUserNames, .. AppOnlyUserNames, .. ResetUserNames,
        .. MfaResetUserNames, AdminUserName];

    /// <summary>The verified phone of a user in <see cref="MfaUserNames"/> or <see cref="AppOnlyUserNames"/>: one number per user, so each
    /// test reads its own SMS.</summary>
    public static string PhoneOf(string userName) =>
        "+1415555" + (2000 + Array.IndexOf([.. MfaUserNames, .. AppOnlyUserNames, .. ResetUserNames, .. MfaResetUserNames], userName));

    /// <summary>The custom attribute <c>mobile</c> each test user has: a second number, for the SMS factor's phone field.</summary>
    public static string MobileOf(string userName) => "+1415555" + (1000 + Array.IndexOf(UserNames, userName));

    private static string? PolicyOf(string userName) => userName switch
    {
        "alice" => SmsPolicyName,
        "heidi" => StrictPolicyName,
        _ => null,
    };

    private static readonly string[] BothFactors = ["sms", "totp"];
    private static readonly string[] ProfileScopes = ["openid", "profile", "email"];
    private static readonly string[] AllScopes = [.. ProfileScopes, "phone", "offline_access"];

    public static string Json => JsonWith(smsFactor: null);

    /// <summary>The same document, with an SMS factor (for a server started as a process, which tests cannot configure).</summary>
    /// <param name="fraudGuard">The SMS fraud guard's settings (the tests' own, with a high prefix budget, when null).</param>
    public static string JsonWith(BootstrapSmsFactor? smsFactor,
        Core.Messaging.FraudGuard.SmsFraudGuardDefinition? fraudGuard = null) => BootstrapFile.Json(new BootstrapDocument
    {
        SmsFactor = smsFactor,
        SmsFraudGuard = fraudGuard ?? BootstrapFile.TestFraudGuard(),
        Applications =
        [
            BootstrapFile.CodeFlowApplication(WebClientId, WebClientSecret, "Web", [RedirectUri], AllScopes,
                refreshTokens: true, postLogoutRedirectUris: [PostLogoutRedirectUri]),
            BootstrapFile.CodeFlowApplication(ConsentClientId, WebClientSecret, "Consent Web", [RedirectUri], ProfileScopes,
                explicitConsent: true, theme: "corporate"),
            BootstrapFile.CodeFlowApplication(SpaClientId, null, "SPA", [RedirectUri], AllScopes,
                refreshTokens: true, postLogoutRedirectUris: [PostLogoutRedirectUri]),
            BootstrapFile.ServiceApplication(ServiceClientId, ServiceClientSecret, "Service"),
        ],
        Policies =
        [
            BootstrapFile.Policy(SmsPolicyName, BothFactors, requireMfa: false, smsReset: true),
            BootstrapFile.Policy(StrictPolicyName, lockoutAfter: 3, lockoutMinutes: 15),
            BootstrapFile.Policy(MfaPolicyName, BothFactors, requireMfa: true),
            BootstrapFile.Policy(AppOnlyPolicyName, ["totp"], requireMfa: true),
            BootstrapFile.Policy(ResetPolicyName, BothFactors, smsReset: true),
            BootstrapFile.Policy(MfaResetPolicyName, BothFactors, requireMfa: true, smsReset: true),
        ],
        Users =
        [
            .. UserNames.Select(name => BootstrapFile.Person(name, Password, $"{char.ToUpperInvariant(name[0]) + name[1..]} Example",
                phone: "+14155550100", policy: PolicyOf(name), attributes: new() { ["mobile"] = MobileOf(name) })),
            .. MfaUserNames.Select(name => BootstrapFile.Person(name, Password, phone: PhoneOf(name), policy: MfaPolicyName)),
            .. AppOnlyUserNames.Select(name => BootstrapFile.Person(name, Password, phone: PhoneOf(name), policy: AppOnlyPolicyName)),
            .. ResetUserNames.Select(name => BootstrapFile.Person(name, Password, phone: PhoneOf(name), policy: ResetPolicyName)),
            .. MfaResetUserNames.Select(name => BootstrapFile.Person(name, Password, phone: PhoneOf(name), policy: MfaResetPolicyName)),
            BootstrapFile.Person(AdminUserName, Password, roles: ["admin"], withEmail: false),
        ],
    });
}
