using IdpSmsReset.Core.Applications;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.UnitTests.Applications;

public sealed class ApplicationDescriptorMapperTests
{
    [Fact]
    public void ToDefinition_AppliedDefinition_ReadsBackWhatWasWritten()
    {
        var written = new ApplicationDefinition
        {
            ClientId = "web", DisplayName = "Web", Type = "confidential", Consent = "explicit",
            GrantTypes = ["authorization_code", "refresh_token"], RedirectUris = ["https://web.example/cb"],
            PostLogoutRedirectUris = ["https://web.example/"], Scopes = ["openid", "email", "offline_access"], Theme = "dark",
            BackchannelLogoutUri = "https://web.example/backchannel-logout", BackchannelLogoutSessionRequired = true,
        };

        var read = ApplicationDescriptorMapper.ToDefinition(Map(written));

        Assert.Equal(
            (written.ClientId, written.DisplayName, written.Type, written.Consent, written.Theme),
            (read.ClientId, read.DisplayName, read.Type, read.Consent, read.Theme));
        Assert.Equal(
            (written.BackchannelLogoutUri, written.BackchannelLogoutSessionRequired),
            (read.BackchannelLogoutUri, read.BackchannelLogoutSessionRequired));
        Assert.Equal(written.GrantTypes, read.GrantTypes);
        Assert.Equal(written.RedirectUris, read.RedirectUris);
        Assert.Equal(written.PostLogoutRedirectUris, read.PostLogoutRedirectUris);
        Assert.Equal(written.Scopes, read.Scopes);
    }

    [Fact]
    public void Apply_PublicCodeFlowClient_RequiresPkceAndCannotIntrospect()
    {
        var descriptor = Map(new ApplicationDefinition
        {
            ClientId = "spa", Type = "public", GrantTypes = ["authorization_code"], RedirectUris = ["https://spa.example/cb"],
            Scopes = ["openid", "profile", "offline_access"],
        });

        Assert.Contains(Requirements.Features.ProofKeyForCodeExchange, descriptor.Requirements);
        Assert.Equal(ClientTypes.Public, descriptor.ClientType);
        Assert.DoesNotContain(Permissions.Endpoints.Introspection, descriptor.Permissions);
        Assert.Contains(Permissions.Scopes.Profile, descriptor.Permissions);
        Assert.DoesNotContain(Permissions.Prefixes.Scope + Scopes.OpenId, descriptor.Permissions);
    }

    [Fact]
    public void Apply_ConfidentialServiceClient_GetsOnlyTheTokenSidePermissions()
    {
        var descriptor = Map(new ApplicationDefinition
        {
            ClientId = "svc", Type = "confidential", ClientSecret = "x", GrantTypes = ["client_credentials"],
        });

        Assert.Empty(descriptor.Requirements);
        Assert.Contains(Permissions.GrantTypes.ClientCredentials, descriptor.Permissions);
        Assert.Contains(Permissions.Endpoints.Introspection, descriptor.Permissions);
        Assert.DoesNotContain(Permissions.Endpoints.Authorization, descriptor.Permissions);
        Assert.DoesNotContain(Permissions.ResponseTypes.Code, descriptor.Permissions);
    }

    [Fact]
    public void Apply_ExplicitConsent_IsCarriedOver_AndDefaultIsImplicit()
    {
        var explicitConsent = Map(new ApplicationDefinition { ClientId = "a", Type = "public", Consent = "explicit",
            GrantTypes = ["refresh_token"] });
        var defaultConsent = Map(new ApplicationDefinition { ClientId = "b", Type = "public", GrantTypes = ["refresh_token"] });

        Assert.Equal(ConsentTypes.Explicit, explicitConsent.ConsentType);
        Assert.Equal(ConsentTypes.Implicit, defaultConsent.ConsentType);
    }

    [Fact]
    public void Apply_OnAnExistingDescriptor_ReplacesRatherThanAccumulates()
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        descriptor.RedirectUris.Add(new Uri("https://old.example/cb"));
        descriptor.Permissions.Add(Permissions.GrantTypes.Password);

        ApplicationDescriptorMapper.Apply(new ApplicationDefinition
        {
            ClientId = "a", Type = "public", GrantTypes = ["authorization_code"], RedirectUris = ["https://new.example/cb"],
        }, descriptor);

        Assert.Equal([new Uri("https://new.example/cb")], descriptor.RedirectUris);
        Assert.DoesNotContain(Permissions.GrantTypes.Password, descriptor.Permissions);
    }

    private static OpenIddictApplicationDescriptor Map(ApplicationDefinition application)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        ApplicationDescriptorMapper.Apply(application, descriptor);
        return descriptor;
    }
}
