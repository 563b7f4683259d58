using IdpSmsReset.Core.Bootstrap;

namespace IdpSmsReset.UnitTests.Bootstrap;

public sealed class BootstrapReaderTests
{
    private const string ValidApplication = """
        {"clientId": "app", "clientSecret": "s3cret-value", "type": "confidential",
         "redirectUris": ["https://app.example/cb"], "grantTypes": ["authorization_code", "refresh_token"],
         "scopes": ["openid", "email"]}
        """;

    [Fact]
    public void Parse_ValidDocumentWithComments_ReadsEveryEntry()
    {
        var document = BootstrapReader.Parse($$"""
            // The shape the issue documents.
            {"applications": [{{ValidApplication}}],
             "users": [{"userName": "ann", "email": "ann@example.com", "password": "pw", "phoneNumber": "+14155550100",
                 "roles": ["admin"]}]}
            """, "test.json");

        Assert.Equal("app", Assert.Single(document.Applications).ClientId);
        Assert.Equal(["admin"], Assert.Single(document.Users).Roles);
    }

    [Fact]
    public void Parse_SmsTemplateWithoutTheCode_NamesTheEntry()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse("""
            {"smsTemplates": [{"purpose": "reset-code", "language": "fr", "text": "Votre code arrive."}]}
            """, "templates.json"));

        Assert.Contains("smsTemplates[0].text: must contain {code}: this message carries a code.", failure.Message);
    }

    [Fact]
    public void Parse_KeySetAsAnObject_ConfidentialApplicationWithoutSecretIsValid()
    {
        var document = BootstrapReader.Parse("""
            {"applications": [{"clientId": "svc", "type": "confidential", "grantTypes": ["client_credentials"],
              "jsonWebKeySet": {"keys": [{"kty": "EC", "crv": "P-256", "x": "AQAB", "y": "AQAB"}]}}]}
            """, "keys.json");

        Assert.Contains("\"crv\":\"P-256\"", Assert.Single(document.Applications).JsonWebKeySet!.Replace(" ", ""));
    }

    [Fact]
    public void Parse_MalformedJson_NamesTheLineAndPath()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse("{\n\"users\": [\n{\"userName\": }\n]}", "bad.json"));

        Assert.Contains("Bootstrap file 'bad.json' is malformed at $.users[0].userName (line 3)", failure.Message);
    }

    [Fact]
    public void Parse_MisspeltField_IsRefusedRatherThanIgnored()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse("""{"users": [{"username": "ann"}]}""", "typo.json"));

        Assert.Contains("'username'", failure.Message);
    }

    [Fact]
    public void Parse_SeveralMistakesOfEveryKind_AllListedAtOnceInTheFilesOwnFieldNames()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse("""
            {"applications": [
               {"clientId": "one", "type": "public", "grantTypes": ["authorization_code"], "redirectUris": ["not a uri"],
                "displayNme": "x"},
               {"clientId": "two", "type": "public", "grantTypes": "authorization_code", "redirectUris": ["https://a.example/cb"]}],
             "users": [{"userName": "ann", "password": "a long passphrase", "roles": [7]}],
             "polices": []}
            """, "many.json"));

        Assert.Equal(string.Join(Environment.NewLine, "Bootstrap file 'many.json' is invalid:",
            "  applications[0] ('one'): 'displayNme' is not a field here; did you mean 'displayName'?",
            "  applications[1] ('two').grantTypes: must be a list in [ ].",
            "  users[0] ('ann').roles[0]: must be text in quotes.",
            "  'polices' is not a field of a bootstrap file; did you mean 'policies'?",
            "  applications[0] ('one').redirectUris[0]: 'not a uri' is not an absolute URI."), failure.Message);
        Assert.DoesNotContain("could not be mapped", failure.Message);
    }

    [Fact]
    public void Parse_FieldNotNearAnyOther_ListsTheFieldsOfThatEntry()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse(
            """{"users": [{"userName": "ann", "password": "a long passphrase", "favouriteColour": "teal"}]}""", "users.json"));

        Assert.StartsWith("Bootstrap file 'users.json' is invalid: users[0] ('ann'): 'favouriteColour' is not a field here; the fields are"
            + " userName, email, displayName, password,", failure.Message);
    }

    [Theory]
    [InlineData("""{"clientId": "c", "type": "confidential", "grantTypes": ["client_credentials"]}""", "applications[0]" +
        " ('c').clientSecret: is required for a confidential application (or a jsonWebKeySet, for private_key_jwt).")]
    [InlineData("""{"clientId": "c", "type": "public", "clientSecret": "x", "grantTypes": ["authorization_code"], "redirectUris":""" +
        """ ["https://a.example/"]}""", "applications[0] ('c').clientSecret: must be absent for a public application")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["client_credentials"]}""", "applications[0] ('c').grantTypes:" +
        " client_credentials needs a confidential application.")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes": ["password"]}""", "applications[0]" +
        " ('c').grantTypes[0]: 'password' is not offered")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes": ["implicit"]}""", "applications[0]" +
        " ('c').grantTypes[0]: 'implicit' is not offered")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes":""" +
        """ ["authorization_code"]}""", "applications[0] ('c').redirectUris: must list at least one URI")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes":""" +
        """ ["authorization_code"], "redirectUris": ["https://a.example/#x"]}""", "applications[0] ('c').redirectUris[0]:" +
        " 'https://a.example/#x' must not contain a fragment")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes": ["client_credentials"],""" +
        """ "backchannelLogoutUri": "http://rp.example/logout"}""", "applications[0] ('c').backchannelLogoutUri:" +
        " 'http://rp.example/logout' must be an https URI (http only to a loopback address, for development).")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes": ["client_credentials"], "scopes":""" +
        """ ["admin"]}""", "applications[0] ('c').scopes[0]: 'admin' is unknown")]
    [InlineData("""{"clientId": "c", "type": "service", "grantTypes": ["client_credentials"]}""", "applications[0] ('c').type: must be" +
        " one of 'confidential', 'public'.")]
    [InlineData("""{"clientId": "c", "type": "public", "consent": "maybe", "grantTypes": ["refresh_token"]}""", "applications[0]" +
        " ('c').consent: must be one of 'implicit', 'explicit'.")]
    [InlineData("""{"type": "public", "grantTypes": ["refresh_token"]}""", "applications[0].clientId: is required.")]
    [InlineData("""{"clientId": "c", "type": "confidential", "grantTypes": ["client_credentials"], "jsonWebKeySet": {"keys":""" +
        """ [{"kty": "RSA", "n": "AQAB", "e": "AQAB", "d": "AQAB"}]}}""", "applications[0] ('c').jsonWebKeySet: keys[0] holds a" +
        " private key part ('d'): register the public key only.")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes": ["client_credentials"],""" +
        """ "jsonWebKeySet": {"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]}}""", "applications[0] ('c').jsonWebKeySet:" +
        " replaces the secret")]
    [InlineData("""{"clientId": "c", "type": "confidential", "grantTypes": ["client_credentials"], "jsonWebKeySet": "{}"}""",
        "applications[0] ('c').jsonWebKeySet: must be a JSON Web Key Set")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["urn:ietf:params:oauth:grant-type:token-exchange"],""" +
        """ "tokenExchangeAudiences": ["orders"]}""", "applications[0] ('c').grantTypes: token exchange needs a confidential")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes":""" +
        """ ["urn:ietf:params:oauth:grant-type:token-exchange"]}""", "applications[0] ('c').tokenExchangeAudiences: must list")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["refresh_token"], "accessTokenLifetime": "2.00:00:00"}""",
        "applications[0] ('c').accessTokenLifetime: must be between 1 minute and 1 day.")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["refresh_token"], "identityTokenLifetime": "00:00:30"}""",
        "applications[0] ('c').identityTokenLifetime: must be between 1 minute and 1 day.")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["refresh_token"], "refreshTokenLifetime": "30.00:00:00"}""",
        "applications[0] ('c').refreshTokenLifetime: must be between 1 hour and 14 days.")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["refresh_token"], "refreshTokenLifetime": "01:30:00"}""",
        "applications[0] ('c').refreshTokenLifetime: must be a whole number of hours.")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["refresh_token"], "accessTokenLifetime": "00:05:30"}""",
        "applications[0] ('c').accessTokenLifetime: must be a whole number of minutes.")]
    [InlineData("""{"clientId": "c", "type": "public", "grantTypes": ["refresh_token"], "refreshTokenExpiry": "never"}""",
        "applications[0] ('c').refreshTokenExpiry: must be one of 'sliding', 'absolute'.")]
    [InlineData("""{"clientId": "c", "type": "confidential", "clientSecret": "x", "grantTypes": ["client_credentials"],""" +
        """ "requirePushedAuthorizationRequests": true}""", "applications[0] ('c').requirePushedAuthorizationRequests: needs the" +
        " authorization_code grant")]
    public void Parse_InvalidApplication_NamesTheEntryAndField(string application, string expected)
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse($$"""{"applications":""" +
            $$""" [{{application}}]}""", "apps.json"));

        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("""{"userName": "ann"}""", "users[0] ('ann').password: is required")]
    [InlineData("""{"userName": "ann", "password": "pw", "email": "not-an-email"}""", "users[0] ('ann').email: 'not-an-email' is not an" +
        " email address.")]
    [InlineData("""{"userName": "ann", "password": "pw", "phoneNumber": "555-0100"}""", "users[0] ('ann').phoneNumber: '555-0100' must" +
        " be in E.164 form")]
    [InlineData("""{"password": "pw"}""", "users[0].userName: is required.")]
    [InlineData("""{"userName": "ann", "passwordHash": "$2b$06$abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyza"}""",
        "users[0] ('ann').passwordHash: is too weak to import: bcrypt cost 6 is under 8.")]
    [InlineData("""{"userName": "ann", "passwordHash": "$md5$salt$hash"}""", "users[0] ('ann').passwordHash: is not a hash")]
    [InlineData("""{"userName": "ann", "passwordHash": "plain text"}""",
        "users[0] ('ann').passwordHash: is neither a hash this server reads")]
    [InlineData("""{"userName": "ann", "password": "pw", "passwordHash": "pbkdf2_sha256$1$s$h"}""",
        "users[0] ('ann').password: give a password or a passwordHash, not both.")]
    [InlineData("""{"userName": "ann", "password": "pw", "roles": [" "]}""", "users[0] ('ann').roles[0]: must not be empty.")]
    public void Parse_InvalidUser_NamesTheEntryAndField(string user, string expected)
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse($$"""{"users": [{{user}}]}""", "users.json"));

        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void Parse_TwoUsersWithOneEmailAddress_RefusedNamingBoth()
    {
        const string users = """
            {"users": [{"userName": "ann", "password": "pw", "email": "shared@example.com"},
                       {"userName": "bea", "password": "pw", "email": "Shared@Example.com"}]}
            """;

        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse(users, "users.json"));

        Assert.Contains("users[1] ('bea').email: 'Shared@Example.com' is already the address of users[0] ('ann'); e-mail addresses must" +
            " be unique.", failure.Message);
    }

    [Fact]
    public void Parse_DuplicateClientIds_AreRefused()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse($$"""{"applications": [{{ValidApplication}},""" +
            $$""" {{ValidApplication}}]}""", "dup.json"));

        Assert.Contains("applications[1] ('app').clientId: appears more than once.", failure.Message);
    }

    [Fact]
    public void ReadFile_MissingFile_NamesTheSetting()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.ReadFile("/no/such/bootstrap.json"));

        Assert.Contains("Idp:Bootstrap:Path", failure.Message);
    }
}

public sealed class BootstrapSmsFactorTests
{
    [Theory]
    [InlineData("""{"accountSid": "AC1", "authToken": "t", "from": "+14155550100"}""", "smsFactor.accountSid: must be a Twilio Account" +
        " SID")]
    [InlineData("""{"accountSid": "AC0123456789abcdef0123456789abcdef", "from": "+14155550100"}""", "smsFactor.authToken: is required.")]
    [InlineData("""{"accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "t"}""", "smsFactor.from: give either a sending" +
        " phone number")]
    [InlineData("""{"accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "t", "from": "+14155550100", "allowedCountries":""" +
        """ ["ZZ"]}""", "smsFactor.allowedCountries[0]: 'ZZ' is not an ISO 3166 two-letter country code.")]
    [InlineData(
        """{"accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "t", "messagingServiceSid": "MG1"}""",
        "smsFactor.messagingServiceSid: must be a Messaging Service SID")]
    [InlineData("""{"accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "t", "from": "+14155550100", "secondary":""" +
        """ {"accountSid": "AC2", "authToken": "t", "from": "+14155550101"}}""", "smsFactor.secondary.accountSid: must be a Twilio")]
    [InlineData("""{"accountSid": "AC0123456789abcdef0123456789abcdef", "authToken": "t", "from": "+14155550100", "secondary":""" +
        """ {"accountSid": "ACfedcba9876543210fedcba9876543210", "from": "+14155550101"}}""",
        "smsFactor.secondary.authToken: is required.")]
    public void Parse_InvalidSmsFactor_NamesTheField(string smsFactor, string expected)
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse($$"""{"smsFactor": {{smsFactor}}}""", "sms.json"));

        Assert.Contains(expected, failure.Message);
    }
}

public sealed class BootstrapUserAttributesTests
{
    [Fact]
    public void Parse_BadAttributeName_NamesIt()
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse(
            """{"users": [{"userName": "ann", "password": "pw", "attributes": {"9lives": "x"}}]}""", "attributes.json"));

        Assert.Contains("users[0] ('ann').attributes.9lives: an attribute name is letters", failure.Message);
    }
}

public sealed class BootstrapPolicyTests
{
    [Fact]
    public void Parse_PolicyOfTheIssue_ReadsEverySectionAndDefaultsTheRest()
    {
        var document = BootstrapReader.Parse("""
            {"policies": [{"name": "Standard", "isDefault": false,
              "password": {"minLength": 12, "maxLength": 128, "historyCount": 3},
              "lockout": {"maxFailedAttempts": 5, "lockoutMinutes": 5},
              "mfa": {"factors": ["sms", "totp"], "require": "always"},
              "passwordReset": {"sms": true, "codeLength": 8}}]}
            """, "policies.json");
        var policy = new Core.Policies.SecurityPolicy { Name = "" };

        Assert.Single(document.Policies).ApplyTo(policy);

        Assert.True(policy.Mfa.SmsEnabled && policy.Mfa.TotpEnabled);
        Assert.Equal(Core.Policies.MfaRequirement.Always, policy.Mfa.Require);
        Assert.True(policy.PasswordReset.SmsEnabled);
        Assert.Equal(8, policy.PasswordReset.CodeLength);
        Assert.Equal(10, policy.PasswordReset.CodeLifetimeMinutes);
        Assert.True(policy.Password.BlockCommonPasswords);
    }

    [Theory]
    [InlineData("""{"name": "A", "passwordReset": {"sms": true}}""", "policies[0] ('A').passwordReset.sms: SMS password reset can only" +
        " be switched on when the SMS factor is enabled")]
    [InlineData("""{"name": "A", "mfa": {"factors": ["email"]}}""", "policies[0] ('A').mfa.factors[0]: 'email' is unknown")]
    [InlineData("""{"name": "A", "mfa": {"require": "sometimes"}}""", "policies[0] ('A').mfa.require: must be one of 'never', 'always'.")]
    [InlineData("""{"name": "A", "passwordReset": {"codeLifetimeMinutes": 2000}}""", "policies[0]" +
        " ('A').passwordReset.codeLifetimeMinutes: must be between 1 and 1440")]
    [InlineData("""{"name": "A", "isDefault": true}, {"name": "B", "isDefault": true}""", "policies: only one policy can be the default")]
    public void Parse_InvalidPolicy_NamesTheEntryAndField(string policies, string expected)
    {
        var failure = Assert.Throws<BootstrapException>(() => BootstrapReader.Parse($$"""{"policies": [{{policies}}]}""", "policies.json"));

        Assert.Contains(expected, failure.Message);
    }
}
