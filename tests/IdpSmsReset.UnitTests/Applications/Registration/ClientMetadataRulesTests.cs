using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Applications.Registration;

namespace IdpSmsReset.UnitTests.Applications.Registration;

/// <summary>What a self-registered application becomes, and what an administrator's token allows beyond open registration.</summary>
public sealed class ClientMetadataRulesTests
{
    [Fact]
    public void Check_OpenAndNoMethodGiven_PublicExplicitConsentWithTheStandardScopes()
    {
        var (definition, refusal) = ClientMetadataRules.Check(new ClientMetadata
        {
            RedirectUris = ["http://127.0.0.1:4000/callback"], GrantTypes = ["authorization_code", "refresh_token"],
        }, "dcr_x", open: true);

        Assert.Null(refusal);
        Assert.Equal(ApplicationVocabulary.Public, definition!.Type);
        Assert.Equal(ApplicationVocabulary.ExplicitConsent, definition.Consent);
        Assert.Equal(["openid", "profile", "email", "phone", "offline_access"], definition.Scopes);
        Assert.Equal("dcr_x", definition.DisplayName);
    }

    [Fact]
    public void Check_WithAToken_NoMethodGiven_ClientSecretBasicAsTheRfcSays()
    {
        var (definition, _) = ClientMetadataRules.Check(new ClientMetadata { GrantTypes = ["client_credentials"] }, "dcr_y", open: false);

        Assert.Equal(ApplicationVocabulary.Confidential, definition!.Type);
    }

    [Theory]
    [InlineData("com.example.app:/callback", false, null)]
    [InlineData("com.example.app:/callback", true, RegistrationErrors.InvalidRedirectUri)]
    [InlineData("http://[::1]:8080/cb", true, null)]
    [InlineData("http://localhost/cb", true, null)]
    [InlineData("http://192.168.1.2/cb", true, RegistrationErrors.InvalidRedirectUri)]
    [InlineData("javascript:alert(1)", false, RegistrationErrors.InvalidRedirectUri)]
    public void Check_RedirectUri_ByMode(string redirectUri, bool open, string? error)
    {
        var (_, refusal) = ClientMetadataRules.Check(new ClientMetadata
        {
            RedirectUris = [redirectUri], TokenEndpointAuthMethod = ClientMetadataRules.None,
        }, "dcr_z", open);

        Assert.Equal(error, refusal?.Error);
    }
}
