using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>
/// Per-application token lifetimes, set on the dashboard and honoured at the token endpoint, with sliding or absolute
/// refresh expiry, under the test clock.
/// </summary>
public abstract class TokenLifetimesTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task LifetimesSetOnDashboard_AccessTokenShorter_SlidingChainOutlivesFirstToken_AbsoluteChainEndsWithIt()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var refused = await admin.SubmitAsync(await admin.OpenAsync("/admin/applications/edit"), new Dictionary<string, string>
        {
            ["Input.ClientId"] = "lifetimes-bad", ["Input.Type"] = "confidential", ["Input.GrantTypes"] = "client_credentials",
            ["Input.AccessTokenMinutes"] = "0", ["Input.RefreshTokenHours"] = "400",
        }, formSelector: "form[action*='handler=Save']");
        var huge = await admin.SubmitAsync(await admin.OpenAsync("/admin/applications/edit"), new Dictionary<string, string>
        {
            ["Input.ClientId"] = "lifetimes-huge", ["Input.Type"] = "confidential", ["Input.GrantTypes"] = "client_credentials",
            ["Input.RefreshTokenHours"] = "2000000000",
        }, formSelector: "form[action*='handler=Save']");
        await SaveAsync("lifetimes-sliding", ApplicationVocabulary.SlidingExpiry);
        await SaveAsync("lifetimes-absolute", ApplicationVocabulary.AbsoluteExpiry);
        var shown = await admin.OpenAsync("/admin/applications/edit?clientId=lifetimes-absolute");

        var sliding = await SignInAsync("lifetimes-sliding");
        var absolute = await SignInAsync("lifetimes-absolute");
        factory.Clock.Advance(TimeSpan.FromMinutes(40));
        var slidingAt40 = await RefreshAsync("lifetimes-sliding", sliding.RefreshToken);
        var absoluteAt40 = await RefreshAsync("lifetimes-absolute", absolute.RefreshToken);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var slidingAt70 = await RefreshAsync("lifetimes-sliding", slidingAt40.RefreshToken);
        var absoluteAt70 = await RefreshAsync("lifetimes-absolute", absoluteAt40.RefreshToken);

        Assert.Equal("must be between 1 minute and 1 day.", refused.FieldError("access-lifetime-error"));
        Assert.Equal("must be between 1 hour and 14 days.", refused.FieldError("refresh-lifetime-error"));
        Assert.Equal("400", refused.Document.QuerySelector("input[name='Input.RefreshTokenHours']")!.GetAttribute("value"));
        Assert.Equal(System.Net.HttpStatusCode.OK, huge.Status);
        Assert.Equal("must be between 1 hour and 14 days.", huge.FieldError("refresh-lifetime-error"));
        Assert.Equal("2000000000", huge.Document.QuerySelector("input[name='Input.RefreshTokenHours']")!.GetAttribute("value"));
        Assert.Equal("5", shown.Document.QuerySelector("input[name='Input.AccessTokenMinutes']")!.GetAttribute("value"));
        Assert.Equal("1", shown.Document.QuerySelector("input[name='Input.RefreshTokenHours']")!.GetAttribute("value"));
        Assert.NotNull(shown.Document.QuerySelector("input[name='Input.RefreshTokenExpiry'][value='absolute'][checked]"));
        Assert.InRange(sliding.ExpiresIn, 290, 300);
        Assert.False(slidingAt40.IsError, slidingAt40.Error);
        Assert.False(absoluteAt40.IsError, absoluteAt40.Error);
        Assert.False(slidingAt70.IsError, slidingAt70.Error);
        Assert.Equal("invalid_grant", absoluteAt70.Error);
    }

    private Task SaveAsync(string clientId, string expiry) => TestApplications.EnsureAsync(factory, new ApplicationDefinition
    {
        ClientId = clientId, Type = ApplicationVocabulary.Public,
        GrantTypes = [ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken],
        Scopes = ["openid", "offline_access"], RedirectUris = [TestBootstrap.RedirectUri],
        AccessTokenLifetime = TimeSpan.FromMinutes(5), RefreshTokenLifetime = TimeSpan.FromHours(1), RefreshTokenExpiry = expiry,
    });

    private async Task<TokenResponse> SignInAsync(string clientId)
    {
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var code = (await AuthorizationRequests.SignInAsync(browser,
            AuthorizationRequests.Url(clientId, challenge, scope: "openid offline_access"), "alice"))["code"];
        using var backchannel = OidcClients.Backchannel(factory);
        var tokens = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, Code = code, RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error);
        return tokens;
    }

    private async Task<TokenResponse> RefreshAsync(string clientId, string? refreshToken)
    {
        using var backchannel = OidcClients.Backchannel(factory);
        return await backchannel.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, RefreshToken = refreshToken ?? "",
        });
    }
}

public sealed class TokenLifetimesTestsOnSqlite(SqliteIdpFactory factory) : TokenLifetimesTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class TokenLifetimesTestsOnPostgreSql(PostgreSqlIdpFactory factory) : TokenLifetimesTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
