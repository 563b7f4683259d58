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
        var reused = await browser.OpenAsync($"/connect/authorize?client_id={ClientId}&request_uri={Uri.EscapeDataString(requestUri)}");
        var afterReuse = await backchannel.GetUserInfoAsync(new UserInfoRequest
        {
            Address = "/connect/userinfo", Token = tokens.AccessToken,
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
        // A pushed request serves one authorization: its request_uri does not give a second code.
        Assert.Null(reused.ExternalRedirect);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reused.Status);
        // ... and presenting it again revokes nothing the first one gave.
        Assert.False(afterReuse.IsError, afterReuse.Error);
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

    [SkippableFact]
    public async Task PushedRequest_LanguageHintAndPromptLogin_LoginPageInFrenchWithTheHint_OneSignInGivesTheCode()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("alice");
        var (verifier, challenge) = AuthorizationRequests.NewPkce();
        var requestUri = await PushAsync(TestBootstrap.SpaClientId, challenge, "openid profile", ("ui_locales", "fr"),
            ("login_hint", "alice"), ("prompt", "login"));

        // A parameter added to the short URL does not override what was pushed.
        var login = await browser.OpenAsync(ShortUrl(TestBootstrap.SpaClientId, requestUri) + "&ui_locales=es&login_hint=mallory");
        // The push is recorded in whole seconds; a person takes longer than that to type a password.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var answer = AuthorizationRequests.ResponseParameters(await browser.SubmitAsync(login, new Dictionary<string, string>
        {
            ["Input.Password"] = TestBootstrap.Password,
        }));
        using var backchannel = OidcClients.Backchannel(factory);
        var tokens = await backchannel.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = "/connect/token", ClientId = TestBootstrap.SpaClientId, Code = answer["code"],
            RedirectUri = TestBootstrap.RedirectUri, CodeVerifier = verifier,
        });

        Assert.Equal("/account/login", login.Path);
        Assert.Equal("fr", login.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("alice", login.InputValue("Input.UserName"));
        Assert.False(tokens.IsError, tokens.Error);
    }

    [SkippableFact]
    public async Task PushedRequestWithConsent_ShowsThePushedScopes_ApprovalOfCraftedScopesIsAskedAgain()
    {
        using var browser = await factory.CreateSignedInBrowserAsync("frank");
        var requestUri = await PushAsync(TestBootstrap.ConsentClientId, AuthorizationRequests.NewPkce().Challenge,
            "openid profile email", ("client_secret", TestBootstrap.WebClientSecret));

        var consent = await browser.OpenAsync(ShortUrl(TestBootstrap.ConsentClientId, requestUri));
        var crafted = await browser.OpenAsync(ShortUrl(TestBootstrap.ConsentClientId, requestUri)
            .Replace("/connect/authorize", "/connect/consent") + "&scope=openid");
        var askedAgain = await browser.SubmitAsync(crafted, button: "button[value=accept]");
        var granted = await browser.SubmitAsync(askedAgain, button: "button[value=accept]");

        Assert.Equal("/connect/consent", consent.Path);
        Assert.Contains("See your email address", consent.Text);
        Assert.DoesNotContain("See your email address", crafted.Text);
        Assert.Equal("/connect/consent", askedAgain.Path);
        Assert.Contains("See your email address", askedAgain.Text);
        Assert.True(AuthorizationRequests.ResponseParameters(granted).ContainsKey("code"));
    }

    protected abstract IdpFactory NewFactory();

    private static string ShortUrl(string clientId, string requestUri) =>
        $"/connect/authorize?client_id={clientId}&request_uri={Uri.EscapeDataString(requestUri)}";

    private async Task<string> PushAsync(string clientId, string challenge, string scope, params (string Name, string Value)[] extra)
    {
        using var backchannel = OidcClients.Backchannel(factory);
        var parameters = new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["response_type"] = "code", ["redirect_uri"] = TestBootstrap.RedirectUri,
            ["scope"] = scope, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in extra)
        {
            parameters[name] = value;
        }

        using var pushed = await backchannel.PostAsync("/connect/par", new FormUrlEncodedContent(parameters));
        var body = await pushed.Content.ReadAsStringAsync();
        Assert.True(pushed.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("request_uri").GetString()!;
    }

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
