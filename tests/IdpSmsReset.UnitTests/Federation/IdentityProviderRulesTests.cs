using IdpSmsReset.Core.Federation;

namespace IdpSmsReset.UnitTests.Federation;

public sealed class IdentityProviderRulesTests
{
    private static IdentityProviderDefinition Valid() => new()
    {
        Name = "corp", Type = "oidc", DisplayName = "Corp", Issuer = "https://login.corp.example", ClientId = "idp",
        ClientSecret = "secret", Scopes = ["profile", "email"], EmailDomains = ["corp.example"],
    };

    private static IEnumerable<string> FieldsOf(IdentityProviderDefinition definition, bool hasStoredSecret = false,
        bool allowLoopbackHttp = false) =>
        IdentityProviderRules.Validate(definition, hasStoredSecret, allowLoopbackHttp).Select(problem => problem.Field);

    [Fact]
    public void Validate_CompleteDefinition_NoProblems() => Assert.Empty(FieldsOf(Valid()));

    [Theory]
    [InlineData("Corp")]
    [InlineData("-corp")]
    [InlineData("corp/x")]
    [InlineData("")]
    public void Validate_NameNotAPathSegmentOfOurs_NameRefused(string name)
    {
        var definition = Valid();
        definition.Name = name;

        Assert.Equal(["name"], FieldsOf(definition));
    }

    [Theory]
    [InlineData("http://login.corp.example", false)]
    [InlineData("http://login.corp.example", true)]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("https://login.corp.example?tenant=1", false)]
    [InlineData("login.corp.example", false)]
    public void Validate_IssuerNotHttpsOrLoopbackInDevelopment_IssuerRefused(string issuer, bool allowLoopbackHttp)
    {
        var definition = Valid();
        definition.Issuer = issuer;

        Assert.Equal(["issuer"], FieldsOf(definition, allowLoopbackHttp: allowLoopbackHttp));
    }

    [Fact]
    public void Validate_LoopbackHttpIssuerInDevelopment_Accepted()
    {
        var definition = Valid();
        definition.Issuer = "http://127.0.0.1:5000";

        Assert.Empty(FieldsOf(definition, allowLoopbackHttp: true));
    }

    [Fact]
    public void Validate_NoSecretAndNoneStored_SecretRequired_ChangeWithoutSecretKeepsTheStoredOne()
    {
        var definition = Valid();
        definition.ClientSecret = null;

        Assert.Equal(["clientSecret"], FieldsOf(definition));
        Assert.Empty(FieldsOf(definition, hasStoredSecret: true));
    }

    [Fact]
    public void Validate_BadScopesDomainsClaimsAndProvisioning_EachNamed()
    {
        var definition = Valid();
        definition.Scopes = ["profile email"];
        definition.EmailDomains = ["not a domain"];
        definition.Claims = new IdentityProviderClaimMapping { Email = "e mail" };
        definition.Provisioning = "sometimes";
        definition.Type = "saml";

        Assert.Equal(["type", "scopes", "claims.email", "emailDomains", "provisioning"], FieldsOf(definition));
    }
}
