using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Applications;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Connect;

/// <summary>
/// What discovery advertises, each value checked against what the server does: a relying application configures
/// itself from this document, so a value the server does not honour breaks it.
/// </summary>
public abstract class DiscoveryTruthTests(IdpFactory factory)
{
    private static readonly string[] OfferedGrants =
    [
        ApplicationVocabulary.AuthorizationCode, ApplicationVocabulary.RefreshToken, ApplicationVocabulary.ClientCredentials,
        ApplicationVocabulary.DeviceCode, ApplicationVocabulary.TokenExchange,
    ];

    [SkippableFact]
    public async Task GrantTypesSupported_EachListedGrantIsHandled_OthersAreUnsupported()
    {
        using var http = OidcClients.Backchannel(factory);
        var listed = Strings(await DiscoveryAsync(http), "grant_types_supported");

        var listedAnswers = new Dictionary<string, string?>();
        foreach (var grant in listed)
        {
            listedAnswers[grant] = await TokenErrorAsync(http, grant);
        }

        Assert.Equal(OfferedGrants.Order(), listed.Order());
        Assert.All(listedAnswers, answer => Assert.NotEqual("unsupported_grant_type", answer.Value));
        foreach (var unlisted in new[] { "password", "implicit", "urn:ietf:params:oauth:grant-type:jwt-bearer" })
        {
            Assert.Equal("unsupported_grant_type", await TokenErrorAsync(http, unlisted));
        }
    }

    [SkippableFact]
    public async Task TokenEndpointAuthMethodsSupported_EachListedMethodAuthenticates()
    {
        using var http = OidcClients.Backchannel(factory);
        var listed = Strings(await DiscoveryAsync(http), "token_endpoint_auth_methods_supported");
        using var key = System.Security.Cryptography.RSA.Create(2048);
        await TestApplications.EnsureAsync(factory, new ApplicationDefinition
        {
            ClientId = "discovery-signed", Type = ApplicationVocabulary.Confidential,
            GrantTypes = [ApplicationVocabulary.ClientCredentials],
            JsonWebKeySet = PrivateKeyJwtTests.PublicKeySet(key),
        });

        var answers = new Dictionary<string, TokenResponse>
        {
            ["client_secret_basic"] = await ClientTokenAsync(http, ClientCredentialStyle.AuthorizationHeader),
            ["client_secret_post"] = await ClientTokenAsync(http, ClientCredentialStyle.PostBody),
            ["private_key_jwt"] = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
            {
                Address = "/connect/token", ClientId = "discovery-signed", ClientCredentialStyle = ClientCredentialStyle.PostBody,
                ClientAssertion = new ClientAssertion
                {
                    Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    Value = PrivateKeyJwtTests.Assertion(IdpFactory.Origin + "/", key, "discovery-signed"),
                },
            }),
        };

        Assert.Equal(answers.Keys.Order(), listed.Order());
        Assert.All(answers, answer => Assert.False(answer.Value.IsError, $"{answer.Key}: {answer.Value.Error}"));
    }

    [SkippableFact]
    public async Task PromptValuesSupported_OnlyThoseActedOn_SelectAccountAcceptedButNotPromised()
    {
        using var http = OidcClients.Backchannel(factory);
        var listed = Strings(await DiscoveryAsync(http), "prompt_values_supported");
        using var browser = factory.CreateBrowser();

        var selectAccount = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.WebClientId,
            AuthorizationRequests.NewPkce().Challenge, prompt: "select_account"));

        Assert.Equal(["consent", "login", "none"], listed.Order());
        Assert.Equal("/account/login", selectAccount.Path);
    }

    [SkippableFact]
    public async Task RequestParameterNotSupported_AnAuthorizationRequestWithARequestObjectIsRefused()
    {
        using var http = OidcClients.Backchannel(factory);
        var discovery = await DiscoveryAsync(http);
        using var browser = factory.CreateBrowser();

        var page = await browser.OpenAsync(AuthorizationRequests.Url(TestBootstrap.SpaClientId, AuthorizationRequests.NewPkce().Challenge)
            + "&request=" + Uri.EscapeDataString(UnsignedRequestObject()));

        Assert.False(discovery.GetProperty("request_parameter_supported").GetBoolean());
        Assert.Contains("request_not_supported", page.ExternalRedirect?.Query + page.Text);
    }

    [SkippableFact]
    public async Task AdvertisedPushAndDeviceEndpoints_AnswerAsTheirRfcsSay()
    {
        using var http = OidcClients.Backchannel(factory);
        var discovery = await DiscoveryAsync(http);
        await TestApplications.EnsureAsync(factory, new ApplicationDefinition
        {
            ClientId = "discovery-tv", Type = ApplicationVocabulary.Public, GrantTypes = [ApplicationVocabulary.DeviceCode],
            Scopes = ["openid"],
        });

        using var pushed = await http.PostAsync(discovery.GetProperty("pushed_authorization_request_endpoint").GetString(),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = TestBootstrap.SpaClientId, ["response_type"] = "code", ["redirect_uri"] = TestBootstrap.RedirectUri,
                ["scope"] = "openid", ["code_challenge"] = AuthorizationRequests.NewPkce().Challenge, ["code_challenge_method"] = "S256",
            }));
        var codes = await http.RequestDeviceAuthorizationAsync(new DeviceAuthorizationRequest
        {
            Address = discovery.GetProperty("device_authorization_endpoint").GetString(), ClientId = "discovery-tv", Scope = "openid",
        });

        Assert.Equal(System.Net.HttpStatusCode.Created, pushed.StatusCode);
        Assert.StartsWith("urn:ietf:params:oauth:request_uri:",
            JsonDocument.Parse(await pushed.Content.ReadAsStringAsync()).RootElement.GetProperty("request_uri").GetString());
        Assert.False(discovery.GetProperty("require_pushed_authorization_requests").GetBoolean());
        Assert.False(codes.IsError, codes.Error);
        Assert.NotNull(codes.DeviceCode);
    }

    private static async Task<JsonElement> DiscoveryAsync(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("/.well-known/openid-configuration")).RootElement;

    private static List<string> Strings(JsonElement discovery, string name) =>
        [.. discovery.GetProperty(name).EnumerateArray().Select(value => value.GetString()!)];

    /// <summary>The error of a token request with only the grant type (and a client that authenticates).</summary>
    private static async Task<string?> TokenErrorAsync(HttpClient http, string grantType)
    {
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType, ["client_id"] = TestBootstrap.ServiceClientId,
            ["client_secret"] = TestBootstrap.ServiceClientSecret,
        }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.TryGetProperty("error", out var error) ? error.GetString() : null;
    }

    private static Task<TokenResponse> ClientTokenAsync(HttpClient http, ClientCredentialStyle style) =>
        http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.ServiceClientId, ClientSecret = TestBootstrap.ServiceClientSecret,
            ClientCredentialStyle = style,
        });

    private static string UnsignedRequestObject() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"alg":"none"}""")).TrimEnd('=') + "."
        + Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"client_id":"spa"}""")).TrimEnd('=') + ".";
}

public sealed class DiscoveryTruthTestsOnSqlite(SqliteIdpFactory factory) : DiscoveryTruthTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class DiscoveryTruthTestsOnPostgreSql(PostgreSqlIdpFactory factory) : DiscoveryTruthTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
