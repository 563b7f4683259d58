using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>
/// Token exchange (RFC 8693) as a gateway sees it: it received a user's access token and asks for one for the API
/// behind it, acting for the user.
/// </summary>
public abstract class TokenExchangeTests(IdpFactory factory)
{
    private const string GatewayId = "orders-gateway";
    // The gateway signs client assertions (private_key_jwt): the dashboard's command makes secrets itself.
    private static readonly System.Security.Cryptography.RSA GatewayKey = System.Security.Cryptography.RSA.Create(2048);
    private const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    [SkippableFact]
    public async Task GatewayAllowed_UsersTokenExchanged_NewTokenForTheApiActingForTheUser_Audited()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var (userToken, userId) = await UserAccessTokenAsync("openid profile");

        var exchanged = await ExchangeAsync(http, GatewayId, null, userToken, "orders-api", "profile");
        var token = new JsonWebToken(exchanged.AccessToken);
        await using var scope = factory.Services.CreateAsyncScope();
        var audited = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
            .AnyAsync(audit => audit.Type == AuditEventTypes.TokenExchanged && audit.Actor == GatewayId && audit.SubjectUserId == userId);

        Assert.Contains(ApplicationVocabulary.TokenExchange, discovery.GetProperty("grant_types_supported").EnumerateArray()
            .Select(grant => grant.GetString()));
        Assert.False(exchanged.IsError, exchanged.Error + " " + exchanged.ErrorDescription);
        Assert.Equal(AccessTokenType, exchanged.IssuedTokenType);
        Assert.Equal(["orders-api"], token.Audiences);
        Assert.Equal(userId, token.Subject);
        Assert.Equal(GatewayId, JsonDocument.Parse(token.GetClaim("act").Value).RootElement.GetProperty("sub").GetString());
        Assert.Null(exchanged.RefreshToken);
        Assert.True(audited);
    }

    [SkippableFact]
    public async Task ServiceWithoutTheGrant_Refused()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var (userToken, _) = await UserAccessTokenAsync("openid profile");

        var refused = await ExchangeAsync(http, TestBootstrap.ServiceClientId, TestBootstrap.ServiceClientSecret, userToken, "orders-api",
            "profile");

        Assert.Equal("unauthorized_client", refused.Error);
    }

    [SkippableFact]
    public async Task AudienceNotAllowedToTheGateway_Refused()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var (userToken, _) = await UserAccessTokenAsync("openid profile");

        var refused = await ExchangeAsync(http, GatewayId, null, userToken, "payroll-api", "profile");

        Assert.True(refused.IsError);
        Assert.Null(refused.AccessToken);
    }

    [SkippableFact]
    public async Task ScopeTheUserDidNotGrant_RefusedAndAudited()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var (userToken, userId) = await UserAccessTokenAsync("openid profile");

        var refused = await ExchangeAsync(http, GatewayId, null, userToken, "orders-api", "profile email");
        await using var scope = factory.Services.CreateAsyncScope();
        var audited = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<AuditEvent>()
            .AnyAsync(audit => audit.Type == AuditEventTypes.TokenExchangeRefused && audit.SubjectUserId == userId);

        Assert.Equal("invalid_grant", refused.Error);
        Assert.True(audited);
    }

    [SkippableFact]
    public async Task ClientCredentialsTokenAsSubject_RefusedAsNoUser()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var serviceToken = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
        });

        var refused = await ExchangeAsync(http, GatewayId, null, serviceToken.AccessToken!, "orders-api", "profile");

        Assert.Equal("invalid_grant", refused.Error);
    }

    [SkippableTheory]
    [InlineData("urn:ietf:params:oauth:token-type:id_token")]
    [InlineData("urn:ietf:params:oauth:token-type:refresh_token")]
    public async Task SubjectTokenNotAnAccessToken_Refused(string subjectTokenType)
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var tokens = await UserTokensAsync("openid profile offline_access");
        var subjectToken = subjectTokenType.EndsWith("id_token", StringComparison.Ordinal) ? tokens.IdentityToken : tokens.RefreshToken;

        var refused = await http.RequestTokenExchangeTokenAsync(new TokenExchangeTokenRequest
        {
            Address = "/connect/token", ClientId = GatewayId, SubjectToken = subjectToken!, SubjectTokenType = subjectTokenType,
            Audience = "orders-api", Scope = "profile", ClientCredentialStyle = ClientCredentialStyle.PostBody,
            ClientAssertion = new ClientAssertion
            {
                Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                Value = PrivateKeyJwtTests.Assertion(IdpFactory.Origin + "/", GatewayKey, GatewayId),
            },
        });

        // OpenIddict refuses them: only an access token is a subject.
        Assert.Equal("invalid_grant", refused.Error);
        Assert.Null(refused.AccessToken);
    }

    [SkippableFact]
    public async Task SubjectTokenIssuedToAnotherApplication_Refused()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var spaToken = (await UserTokensAsync("openid profile", TestBootstrap.SpaClientId)).AccessToken!;

        var refused = await ExchangeAsync(http, GatewayId, null, spaToken, "orders-api", "profile");

        Assert.Equal("invalid_grant", refused.Error);
        Assert.Contains("neither issued to this service nor names it", refused.ErrorDescription);
        Assert.Null(refused.AccessToken);
    }

    [SkippableFact]
    public async Task AudienceOmitted_RefusedWithInvalidTarget()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var (userToken, _) = await UserAccessTokenAsync("openid profile");

        var refused = await ExchangeAsync(http, GatewayId, null, userToken, "", "profile");

        Assert.Equal("invalid_target", refused.Error);
        Assert.Null(refused.AccessToken);
    }

    [SkippableFact]
    public async Task ScopeOmitted_TheApiExchangingOnGetsOnlyTheScopesItMayHave()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        var (userToken, _) = await UserAccessTokenAsync("openid profile email");
        var forOrders = await ExchangeAsync(http, GatewayId, null, userToken, "orders-api", "profile email");

        // The orders API was given that token (its audience) and passes it on, asking for no scope in particular.
        var forBilling = await ExchangeAsync(http, OrdersApiId, null, forOrders.AccessToken ?? "", "billing-api", "");

        Assert.False(forOrders.IsError, forOrders.Error + " " + forOrders.ErrorDescription);
        Assert.False(forBilling.IsError, forBilling.Error + " " + forBilling.ErrorDescription);
        Assert.Equal(["billing-api"], new JsonWebToken(forBilling.AccessToken).Audiences);
        Assert.Equal("profile", new JsonWebToken(forBilling.AccessToken).GetClaim("scope").Value);
    }

    [SkippableFact]
    public async Task ExchangedToken_RefusedByUserinfo_AndDeadOnceTheUsersSessionsEnd()
    {
        await EnsureGatewayAsync();
        using var http = OidcClients.Backchannel(factory);
        using var browser = factory.CreateBrowser();
        var tokens = await UserTokensAsync("openid profile", GatewayId, browser, "bob");
        var exchanged = await ExchangeAsync(http, GatewayId, null, tokens.AccessToken!, "orders-api", "profile");

        var userInfo = await http.GetUserInfoAsync(new UserInfoRequest { Address = "/connect/userinfo", Token = exchanged.AccessToken });
        await browser.SubmitAsync(await browser.OpenAsync("/account/manage"), formSelector: "form[action*='handler=SignOutEverywhere']");
        var passedOn = await ExchangeAsync(http, OrdersApiId, null, exchanged.AccessToken!, "billing-api", "profile");

        Assert.False(exchanged.IsError, exchanged.Error + " " + exchanged.ErrorDescription);
        Assert.True(userInfo.IsError);
        Assert.Equal("invalid_grant", passedOn.Error);
    }

    private const string OrdersApiId = "orders-api";

    private async Task EnsureGatewayAsync()
    {
        // A gateway that signs its users in (a backend for frontend) and calls the orders API for them.
        await TestApplications.EnsureAsync(factory, new ApplicationDefinition
        {
            ClientId = GatewayId, JsonWebKeySet = PrivateKeyJwtTests.PublicKeySet(GatewayKey), DisplayName = "Orders gateway",
            Type = ApplicationVocabulary.Confidential, RedirectUris = [TestBootstrap.RedirectUri],
            GrantTypes = [ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken, ApplicationVocabulary.TokenExchange],
            Scopes = ["openid", "profile", "email", "offline_access"], TokenExchangeAudiences = ["orders-api"],
        });
        // The orders API calls billing for the user in turn, and may only pass profile on.
        await TestApplications.EnsureAsync(factory, new ApplicationDefinition
        {
            ClientId = OrdersApiId, JsonWebKeySet = PrivateKeyJwtTests.PublicKeySet(GatewayKey), DisplayName = "Orders API",
            Type = ApplicationVocabulary.Confidential,
            GrantTypes = [ApplicationVocabulary.TokenExchange], Scopes = ["profile"], TokenExchangeAudiences = ["billing-api"],
        });
    }

    /// <summary>An access token alice got by signing in to the gateway, as the gateway holds it.</summary>
    private async Task<(string Token, string UserId)> UserAccessTokenAsync(string scope)
    {
        var tokens = await UserTokensAsync(scope);
        return (tokens.AccessToken!, new JsonWebToken(tokens.AccessToken).Subject);
    }

    private async Task<TokenResponse> UserTokensAsync(string scope, string clientId = GatewayId, TestBrowser? browser = null,
        string userName = "alice")
    {
        using var fresh = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var answer = await AuthorizationRequests.SignInAsync(browser ?? fresh,
            AuthorizationRequests.Url(clientId, challenge, scope: scope), userName);
        using var http = OidcClients.Backchannel(factory);
        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, Code = answer["code"],
            RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier, ClientCredentialStyle = ClientCredentialStyle.PostBody,
            ClientAssertion = clientId != GatewayId ? new ClientAssertion() : new ClientAssertion
            {
                Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                Value = PrivateKeyJwtTests.Assertion(IdpFactory.Origin + "/", GatewayKey, clientId),
            },
        });
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        return tokens;
    }

    /// <summary>With <paramref name="secret"/>, or else the gateway's signed assertion.</summary>
    private static Task<TokenResponse> ExchangeAsync(HttpClient http, string clientId, string? secret, string subjectToken,
        string audience, string scope) =>
        http.RequestTokenExchangeTokenAsync(new TokenExchangeTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, SubjectToken = subjectToken,
            SubjectTokenType = AccessTokenType, Audience = audience.Length > 0 ? audience : null,
            Scope = scope.Length > 0 ? scope : null, ClientCredentialStyle = ClientCredentialStyle.PostBody,
            ClientAssertion = secret is not null ? new ClientAssertion() : new ClientAssertion
            {
                Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                Value = PrivateKeyJwtTests.Assertion(IdpFactory.Origin + "/", GatewayKey, clientId),
            },
        });
}

public sealed class TokenExchangeTestsOnSqlite(SqliteIdpFactory factory) : TokenExchangeTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class TokenExchangeTestsOnPostgreSql(PostgreSqlIdpFactory factory) : TokenExchangeTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
