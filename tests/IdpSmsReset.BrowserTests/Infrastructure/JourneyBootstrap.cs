using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.BrowserTests.Infrastructure;

/// <summary>The people and applications of the journeys, given to the server as its bootstrap file.</summary>
public static class JourneyBootstrap
{
    public const string Password = "journey passphrase 2026";
    public const string AdminUserName = "admin";
    public const string ResetPolicyName = "Reset";

    /// <summary>Each person's verified phone: one number each, so each journey reads its own SMS.</summary>
    public static string PhoneOf(string userName) => "+1415555" + userName switch
    {
        "sam" => "3001",
        "rita" => "3002",
        "walt" => "3003",
        "fran" => "3004",
        "rosa" => "3005",
        _ => throw new ArgumentException($"{userName} has no phone in the journeys.", nameof(userName)),
    };

    public static string Json(string appUrl, bool withSmsFactor) => $$"""
    {
      "applications": [
        {
          "clientId": "{{RelyingParty.ClientId}}", "clientSecret": "{{RelyingParty.ClientSecret}}", "displayName": "Journey App",
          "type": "confidential", "consent": "explicit",
          "redirectUris": ["{{appUrl}}/signin-oidc"], "postLogoutRedirectUris": ["{{appUrl}}/signout-callback-oidc"],
          "grantTypes": ["authorization_code"], "scopes": ["openid", "profile", "email"]
        },
        {
          "clientId": "{{RelyingParty.CorporateClientId}}", "clientSecret": "{{RelyingParty.ClientSecret}}",
              "displayName": "Corporate Journey App",
          "type": "confidential", "consent": "implicit", "theme": "corporate",
          "redirectUris": ["{{appUrl}}/signin-corporate"], "postLogoutRedirectUris": ["{{appUrl}}/signout-callback-corporate"],
          "grantTypes": ["authorization_code"], "scopes": ["openid", "profile", "email"]
        }
      ],
      "policies": [
        { "name": "Mfa", "mfa": { "factors": ["sms", "totp"], "require": "always" } },
        { "name": "Apps", "mfa": { "factors": ["sms", "totp"], "require": "never" } },
        { "name": "{{ResetPolicyName}}", "mfa": { "factors": ["sms", "totp"] }, "passwordReset": { "sms": true } }
      ],
      "users": [
        {{User("alice", "Alice Journey", null)}},
        {{User("sam", "Sam Journey", "Mfa")}},
        {{User("tom", "Tom Journey", "Apps")}},
        {{User("rita", "Rita Journey", ResetPolicyName)}},
        {{User("walt", "Walt Journey", ResetPolicyName)}},
        {{User("fran", "Fran Journey", ResetPolicyName)}},
        {{User("rosa", "Rosa Journey", ResetPolicyName)}},
        { "userName": "{{AdminUserName}}", "displayName": "Ada Admin", "password": "{{Password}}", "roles": ["admin"] }
      ]{{(withSmsFactor ? SmsFactor : "")}}
    }
    """;

    private static string SmsFactor => $$"""
    ,
      "smsFactor": { "accountSid": "{{FakeTwilio.AccountSid}}", "authToken": "{{FakeTwilio.AuthToken}}", "from": "{{FakeTwilio.From}}",
        "phoneField": "PhoneNumber", "allowedCountries": [] }
    """;

    private static string User(string name, string displayName, string? policy)
    {
        var phone = name is "alice" or "tom" ? "" : $", \"phoneNumber\": \"{PhoneOf(name)}\"";
        var inPolicy = policy is null ? "" : $", \"policy\": \"{policy}\"";
        return $$"""{ "userName": "{{name}}", "email": "{{name}}@example.com", "displayName": "{{displayName}}", """
            + $$""" "password": "{{Password}}"{{phone}}{{inPolicy}} }""";
    }
}
