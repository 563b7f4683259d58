using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>Pushed authorization requests (RFC 9126), as a relying application that must use them sees them.</summary>
public abstract class PushedAuthorizationTests(IdpFactory factory)
{
    private const string ClientId = "par-only";

    [SkippableFact]
    public async Task ApplicationRequiringPar_PlainRequestRefused_PushedRequestSignsIn()
    {
        await SaveParOnlyApplicationAsync();
        using var backchannel = OidcClients.Backchannel(factory);
        var discovery = JsonDocument.Parse(await backchannel.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        using var browser = factory.CreateBrowser();
        var (verifier, challenge) = AuthorizationRequests.NewPkce();

        var plain = await browser.OpenAsync(AuthorizationRequests.Url(ClientId, challenge));
        using var pushed = await backchannel.PostAsync("/connect/par", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["redirect_uri"] = TestBootstrap.RedirectUri,
            ["scope"] = "openid profile", ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = "pushed",
        }));
        var pushedBody = JsonDocument.Parse(await pushed.Content.ReadAsStringAsync()).RootElement;
        var requestUri = pushedBody.GetProperty("request_uri").GetString()!;
        var answer = await AuthorizationRequests.SignInAsync(browser,
            $"/connect/authorize?client_id={ClientId}&request_uri={Uri.EscapeDataString(requestUri)}", "alice");
        var tokens = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = ClientId, Code = answer["code"], RedirectUri = TestBootstrap.RedirectUri,
            CodeVerifier = verifier,
        });

        Assert.Equal(IdpFactory.Origin + "/connect/par", discovery.GetProperty("pushed_authorization_request_endpoint").GetString());
        Assert.False(discovery.GetProperty("require_pushed_authorization_requests").GetBoolean());
        Assert.Null(plain.ExternalRedirect);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plain.Status);
        Assert.Contains("invalid_request", plain.Text);
        Assert.Equal(System.Net.HttpStatusCode.Created, pushed.StatusCode);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:", requestUri);
        Assert.Equal("pushed", answer["state"]);
        Assert.False(tokens.IsError, tokens.Error);
    }

    [SkippableFact]
    public async Task RequiredForEveryone_DiscoverySaysSo_PlainRequestOfAnyApplicationRefused()
    {
        using var strict = NewFactory();
        strict.Settings["Idp:RequirePushedAuthorizationRequests"] = "true";
        using var backchannel = OidcClients.Backchannel(strict);
        var discovery = JsonDocument.Parse(await backchannel.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        using var browser = strict.CreateBrowser();

        var plain = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId,
            AuthorizationRequests.NewPkce().Challenge));

        Assert.True(discovery.GetProperty("require_pushed_authorization_requests").GetBoolean());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, plain.Status);
        Assert.Contains("invalid_request", plain.Text);
    }

    protected abstract IdpFactory NewFactory();

    private Task SaveParOnlyApplicationAsync() => TestApplications.EnsureAsync(factory, new ApplicationDefinition
    {
        ClientId = ClientId, Type = ApplicationVocabulary.Public, GrantTypes = [ApplicationVocabulary.AuthorizationCode],
        Scopes = ["openid", "profile"], RedirectUris = [TestBootstrap.RedirectUri], RequirePushedAuthorizationRequests = true,
    });
}

public sealed class PushedAuthorizationTestsOnSqlite(SqliteIdpFactory factory) : PushedAuthorizationTests(factory),
    IClassFixture<SqliteIdpFactory>
{
    protected override IdpFactory NewFactory() => new SqliteIdpFactory();
}

public sealed class PushedAuthorizationTestsOnPostgreSql(PostgreSqlIdpFactory factory) : PushedAuthorizationTests(factory),
    IClassFixture<PostgreSqlIdpFactory>
{
    protected override IdpFactory NewFactory() => new PostgreSqlIdpFactory();
}
