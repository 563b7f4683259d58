using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Bootstrap;

namespace IdpSmsReset.Benchmarks;

/// <summary>The applications and people of the benchmark, given to the server as its bootstrap file.</summary>
public static class BenchmarkBootstrap
{
    public const string WebClientId = "bench-web";
    public const string ServiceClientId = "bench-service";
    public const string ManagementClientId = "bench-management";
    public const string ClientSecret = "bench-client-secret-0123456789abcdef";
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string Password = "benchmark passphrase 2026";
    public const string AdminUserName = "bench-admin";
    public const string ResetUserName = "bench-reset";
    public const int SignInUsers = 16;

    public static string SignInUser(int index) => $"bench-user-{index % SignInUsers}";

    /// <summary>Accounts that only ever get wrong passwords (the login timing scenario); the default policy locks at 100.</summary>
    public const int ProbeUsers = 40;

    public static string ProbeUser(int index) => $"bench-probe-{index % ProbeUsers}";

    public static string Json(string twilioAccountSid, string twilioToken, string twilioFrom) => BootstrapFile.Json(new BootstrapDocument
    {
        Applications =
        [
            BootstrapFile.CodeFlowApplication(
                WebClientId, ClientSecret, "Benchmark Web", [RedirectUri], ["openid", "profile", "email", "offline_access"],
                refreshTokens: true),
            BootstrapFile.ServiceApplication(ServiceClientId, ClientSecret, "Benchmark Service"),
            new ApplicationDefinition
            {
                ClientId = ManagementClientId, ClientSecret = ClientSecret, DisplayName = "Benchmark Management",
                Type = ApplicationVocabulary.Confidential, GrantTypes = [ApplicationVocabulary.ClientCredentials],
                Scopes = ["idp:admin", "idp:scim"],
            },
        ],
        Policies =
        [
            BootstrapFile.Policy("Reset", ["sms", "totp"], smsReset: true),
            BootstrapFile.Policy("Bench default", isDefault: true, lockoutAfter: 100, lockoutMinutes: 1),
        ],
        Users =
        [
            .. Enumerable.Range(0, SignInUsers).Select(index => BootstrapFile.Person(SignInUser(index), Password, $"Bench User {index}")),
            .. Enumerable.Range(0, ProbeUsers).Select(index => BootstrapFile.Person(ProbeUser(index), Password)),
            BootstrapFile.Person(ResetUserName, Password, phone: "+14155557000", policy: "Reset", withEmail: false),
            BootstrapFile.Person(AdminUserName, Password, roles: ["admin"], withEmail: false),
        ],
        SmsFactor = BootstrapFile.SmsFactor(twilioAccountSid, twilioToken, twilioFrom),
        // Counting on, as in production, with budgets a burst of thousands to one prefix stays within.
        SmsFraudGuard = new()
        {
            DailyMessagesPerCountry = new() { ["default"] = 10_000_000 }, DailyMessagesTotal = 10_000_000,
            HourlyMessagesPerPrefix = 10_000_000,
        },
    });
}
