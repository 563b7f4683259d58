using System.Net;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Maintenance;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IdpSmsReset.IntegrationTests.Infrastructure.RegistrationRequests;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Registration;

/// <summary>
/// <c>Idp:DynamicClientRegistration:Mode=open</c>: anyone may register a public application (as MCP clients and AI agents
/// do), within limits; the application manages its registration with the token it got (RFC 7592).
/// </summary>
public abstract class OpenRegistrationTests
{
    private readonly IdpFactory _factory;

    protected OpenRegistrationTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:DynamicClientRegistration:Mode"] = "open";
        factory.Settings["Idp:DynamicClientRegistration:OpenRegistrationsPerAddressPerHour"] = "3";
    }

    private HttpClient From(string address)
    {
        var http = OidcClients.Backchannel(_factory);
        http.DefaultRequestHeaders.Add(IdpFactory.ClientAddressHeader, address);
        return http;
    }

    [SkippableFact]
    public async Task PublicApplication_Registers_ThenSignsAUserInAfterTheirConsent()
    {
        using var http = From("198.51.100.1");

        var registered = await RegisterAsync(http, PublicApplication("Research agent"));
        using var browser = _factory.CreateBrowser();
        var agent = new UserAgent(browser, "alice", TestBootstrap.Password);
        var client = OidcClients.Create(_factory, agent, registered["client_id"]!, scope: "openid profile");
        var signedIn = await client.LoginAsync();

        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.StartsWith("dcr_", registered["client_id"]);
        Assert.Null(registered["client_secret"]);
        Assert.Equal("none", registered["token_endpoint_auth_method"]);
        Assert.False(string.IsNullOrEmpty(registered["registration_access_token"]));
        Assert.Equal(IdpFactory.Origin + RegisterPath + "/" + registered["client_id"], registered["registration_client_uri"]);
        Assert.True(registered.NoStore);
        Assert.False(signedIn.IsError, signedIn.Error + " " + signedIn.ErrorDescription);
        // Nobody vouched for a registered application: the user is always asked.
        Assert.Contains("/connect/consent", agent.PagesSeen);
        Assert.Equal("alice", signedIn.User.FindFirst("preferred_username")?.Value);
    }

    [SkippableTheory]
    [InlineData("token_endpoint_auth_method", "client_secret_basic", "invalid_client_metadata")]
    [InlineData("token_endpoint_auth_method", "client_secret_jwt", "invalid_client_metadata")]
    [InlineData("grant_types", "client_credentials", "invalid_client_metadata")]
    [InlineData("grant_types", "password", "invalid_client_metadata")]
    [InlineData("grant_types", "urn:ietf:params:oauth:grant-type:token-exchange", "invalid_client_metadata")]
    [InlineData("response_types", "token", "invalid_client_metadata")]
    [InlineData("scope", "openid idp:admin", "invalid_client_metadata")]
    [InlineData("redirect_uris", "http://app.example/callback", "invalid_redirect_uri")]
    [InlineData("redirect_uris", "https://app.example/callback#fragment", "invalid_redirect_uri")]
    [InlineData("redirect_uris", "com.example.app:/callback", "invalid_redirect_uri")]
    [InlineData("redirect_uris", "not a uri", "invalid_redirect_uri")]
    [InlineData("redirect_uris", "", "invalid_redirect_uri")]
    [InlineData("post_logout_redirect_uris", "relative/path", "invalid_client_metadata")]
    public async Task Metadata_OutsideOpenRegistration_RefusedWithTheRfcErrorAndTheReason(string field, string value, string error)
    {
        using var http = From("198.51.100.2");
        var metadata = PublicApplication();
        metadata[field] = field is "scope" or "token_endpoint_auth_method" ? value
            : value.Length == 0 ? Array.Empty<string>() : new[] { value };
        if (field == "grant_types")
        {
            metadata.Remove("response_types");
            metadata["grant_types"] = new[] { value };
        }

        var refused = await RegisterAsync(http, metadata);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(error, refused["error"]);
        Assert.False(string.IsNullOrWhiteSpace(refused["error_description"]));
        Assert.True(refused.NoStore);
    }

    [SkippableFact]
    public async Task Body_NotJson_InvalidClientMetadata()
    {
        using var http = From("198.51.100.3");

        using var response = await http.PostAsync(RegisterPath,
            new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        using var form = await http.PostAsync(RegisterPath, new FormUrlEncodedContent([new("client_name", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_client_metadata", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
    }

    [SkippableFact]
    public async Task Registration_ReadChangedAndDeletedWithItsToken_NotWithAnotherOrNone()
    {
        using var http = From("198.51.100.4");
        var registered = await RegisterAsync(http, PublicApplication("Agent A"));
        var other = await RegisterAsync(http, PublicApplication("Agent B"));
        var token = registered["registration_access_token"]!;

        var read = await SendAsync(http, HttpMethod.Get, registered.ConfigurationPath, null, token);
        var withoutToken = await SendAsync(http, HttpMethod.Get, registered.ConfigurationPath, null, null);
        var withOthersToken = await SendAsync(http, HttpMethod.Get, registered.ConfigurationPath, null, other["registration_access_token"]);
        var changedMetadata = PublicApplication("Agent A, renamed", "https://agent.example/callback", "http://127.0.0.1:8123/callback");
        changedMetadata["client_id"] = registered["client_id"];
        var changed = await SendAsync(http, HttpMethod.Put, registered.ConfigurationPath, changedMetadata, token);
        var madeConfidential = PublicApplication("Agent A");
        madeConfidential["token_endpoint_auth_method"] = "client_secret_basic";
        var refusedChange = await SendAsync(http, HttpMethod.Put, registered.ConfigurationPath, madeConfidential, token);
        var deleted = await SendAsync(http, HttpMethod.Delete, registered.ConfigurationPath, null, token);
        var afterDelete = await SendAsync(http, HttpMethod.Get, registered.ConfigurationPath, null, token);
        using var browser = _factory.CreateBrowser();
        var authorize = await browser.OpenAsync(AuthorizationRequests.Url(registered["client_id"]!,
            AuthorizationRequests.NewPkce().Challenge));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("Agent A", read["client_name"]);
        Assert.Null(read["registration_access_token"]);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.Status);
        Assert.Equal("invalid_token", withoutToken["error"]);
        Assert.Contains("invalid_token", withoutToken.WwwAuthenticate);
        Assert.Equal(HttpStatusCode.Unauthorized, withOthersToken.Status);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Agent A, renamed", changed["client_name"]);
        Assert.Equal(["https://agent.example/callback", "http://127.0.0.1:8123/callback"],
            changed.Body.GetProperty("redirect_uris").EnumerateArray().Select(uri => uri.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, refusedChange.Status);
        Assert.Equal("invalid_client_metadata", refusedChange["error"]);
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.Status);
        Assert.Null(authorize.ExternalRedirect);
        Assert.Equal(HttpStatusCode.BadRequest, authorize.Status);
    }

    [SkippableFact]
    public async Task OneAddress_PastItsHourlyRegistrations_TooManyRequests_OtherAddressesStillRegister()
    {
        using var busy = From("198.51.100.5");
        using var other = From("198.51.100.6");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add((await RegisterAsync(busy, PublicApplication())).Status);
        }

        var refused = await RegisterAsync(busy, PublicApplication());
        var elsewhere = await RegisterAsync(other, PublicApplication());

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal("too_many_registrations", refused["error"]);
        Assert.Equal(HttpStatusCode.Created, elsewhere.Status);
    }

    [SkippableFact]
    public async Task OneAddress_RegistrationsRacing_ExactlyItsHourlyNumberPass()
    {
        using var racer = From("198.51.100.7");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RegisterAsync(racer, PublicApplication())));

        Assert.Equal(3, answers.Count(answer => answer.Status == HttpStatusCode.Created));
        Assert.Equal(5, answers.Count(answer => answer.Status == HttpStatusCode.TooManyRequests));
    }

    [SkippableFact]
    public async Task Discovery_OffersTheRegistrationEndpoint()
    {
        using var http = OidcClients.Backchannel(_factory);

        var discovery = await http.GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = IdpFactory.Origin, Policy = new DiscoveryPolicy { RequireHttps = false },
        });

        Assert.Equal(IdpFactory.Origin + RegisterPath, discovery.RegistrationEndpoint);
    }

    [SkippableFact]
    public async Task Registration_UnusedPastPruneAfter_Pruned_OneInUseKept()
    {
        using var http = From("198.51.100.8");
        var unused = await RegisterAsync(http, PublicApplication("Forgotten"));
        var used = await RegisterAsync(http, PublicApplication("In use"));
        _factory.Clock.Advance(TimeSpan.FromDays(20));
        using (var browser = _factory.CreateBrowser())
        {
            var signedIn = await OidcClients.Create(_factory, new UserAgent(browser, "bob", TestBootstrap.Password), used["client_id"]!,
                scope: "openid").LoginAsync();
            Assert.False(signedIn.IsError, signedIn.Error);
        }

        _factory.Clock.Advance(TimeSpan.FromDays(11));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PruneJob>().RunAsync(TimeSpan.FromDays(1), TimeSpan.FromDays(14),
                CancellationToken.None);
        }

        var unusedAfter = await SendAsync(http, HttpMethod.Get, unused.ConfigurationPath, null, unused["registration_access_token"]);
        var usedAfter = await SendAsync(http, HttpMethod.Get, used.ConfigurationPath, null, used["registration_access_token"]);

        Assert.Equal(HttpStatusCode.Unauthorized, unusedAfter.Status);
        Assert.Equal(HttpStatusCode.OK, usedAfter.Status);
    }
}

public sealed class OpenRegistrationTestsOnSqlite(SqliteIdpFactory factory) : OpenRegistrationTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class OpenRegistrationTestsOnPostgreSql(PostgreSqlIdpFactory factory) : OpenRegistrationTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
