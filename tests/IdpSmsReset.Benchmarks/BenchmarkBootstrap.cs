namespace IdpSmsReset.Benchmarks;

/// <summary>The applications and people of the benchmark, given to the server as its bootstrap file.</summary>
public static class BenchmarkBootstrap
{
    public const string WebClientId = "bench-web";
    public const string ServiceClientId = "bench-service";
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

    public static string Json(string twilioAccountSid, string twilioToken, string twilioFrom) => $$"""
    {
      "applications": [
        { "clientId": "{{WebClientId}}", "clientSecret": "{{ClientSecret}}", "displayName": "Benchmark Web", "type": "confidential",
          "consent": "implicit", "redirectUris": ["{{RedirectUri}}"], "grantTypes": ["authorization_code", "refresh_token"],
          "scopes": ["openid", "profile", "email", "offline_access"] },
        { "clientId": "{{ServiceClientId}}", "clientSecret": "{{ClientSecret}}", "displayName": "Benchmark Service", "type": "confidential",
          "grantTypes": ["client_credentials"], "scopes": [] }
      ],
      "policies": [
        { "name": "Reset", "mfa": { "factors": ["sms", "totp"] }, "passwordReset": { "sms": true } },
        { "name": "Bench default", "isDefault": true, "lockout": { "maxFailedAttempts": 100, "lockoutMinutes": 1 } }
      ],
      "users": [
        {{string.Join(",\n", Enumerable.Range(0, SignInUsers).Select(index =>
            $$"""{ "userName": "{{SignInUser(index)}}", "email": "{{SignInUser(index)}}@example.com", "displayName": "Bench User""" +
                $$""" {{index}}", "password": "{{Password}}" }"""))}},
        {{string.Join(",\n", Enumerable.Range(0, ProbeUsers).Select(index =>
            $$"""{ "userName": "{{ProbeUser(index)}}", "email": "{{ProbeUser(index)}}@example.com", "password": "{{Password}}" }"""))}},
        { "userName": "{{ResetUserName}}", "password": "{{Password}}", "phoneNumber": "+14155557000", "policy": "Reset" },
        { "userName": "{{AdminUserName}}", "password": "{{Password}}", "roles": ["admin"] }
      ],
      "smsFactor": { "accountSid": "{{twilioAccountSid}}", "authToken": "{{twilioToken}}", "from": "{{twilioFrom}}",
          "phoneField": "PhoneNumber", "allowedCountries": [] }
    }
    """;
}
