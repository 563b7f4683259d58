using System.Net;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Applications.Registration;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static IdpSmsReset.IntegrationTests.Infrastructure.RegistrationRequests;

namespace IdpSmsReset.IntegrationTests.Features.Connect.Registration;

/// <summary>
/// <c>Idp:DynamicClientRegistration:Mode=initial-access-token</c>: an application registers with a token an administrator
/// issued on the dashboard; then it may be confidential, with a secret or its own keys.
/// </summary>
public abstract class InitialAccessTokenRegistrationTests
{
    private readonly IdpFactory _factory;

    protected InitialAccessTokenRegistrationTests(IdpFactory factory)
    {
        _factory = factory;
        factory.Settings["Idp:DynamicClientRegistration:Mode"] = "initial-access-token";
    }

    private static Dictionary<string, object?> Service(string name = "Billing service") => new()
    {
        ["client_name"] = name,
        ["token_endpoint_auth_method"] = "client_secret_basic",
        ["grant_types"] = new[] { "client_credentials" },
        ["scope"] = "profile",
    };

    [SkippableFact]
    public async Task TokenIssuedOnTheDashboard_RegistersOneConfidentialService_ShownOnce_ThenSpent()
    {
        using var admin = await _factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        var page = await admin.OpenAsync("/admin/applications/registration-tokens");
        var refused = await admin.SubmitAsync(page, new Dictionary<string, string> { ["Description"] = "" },
            formSelector: "form[action*='handler=Issue']");
        var issued = await admin.SubmitAsync(refused, new Dictionary<string, string> { ["Description"] = "Billing team" },
            formSelector: "form[action*='handler=Issue']");
        var token = issued.Document.QuerySelector("#issued-token code")!.TextContent;
        var listedAgain = await admin.OpenAsync("/admin/applications/registration-tokens");
        using var http = OidcClients.Backchannel(_factory);

        var registered = await RegisterAsync(http, Service(), token);
        var again = await RegisterAsync(http, Service("A second service"), token);
        var serviceToken = await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = registered["client_id"]!, ClientSecret = registered["client_secret"], Scope = "profile",
        });
        var applications = await admin.OpenAsync("/admin/applications");

        Assert.Equal("Say what the token is for.", refused.FieldError("description-error"));
        Assert.Null(refused.Document.GetElementById("issued-token"));
        Assert.DoesNotContain(token, listedAgain.Html);
        Assert.Contains("Billing team", listedAgain.Text);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Equal("client_secret_basic", registered["token_endpoint_auth_method"]);
        Assert.Equal(0, registered.Body.GetProperty("client_secret_expires_at").GetInt64());
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Equal("invalid_token", again["error"]);
        Assert.False(serviceToken.IsError, serviceToken.Error);
        Assert.Contains("by itself on", applications.Document.QuerySelector($"tr[data-client='{registered["client_id"]}'] .registered")!
            .TextContent);
        var issuedEvent = Assert.Single(await _factory.AuditEventsOfTypeAsync(AdminEventTypes.RegistrationTokenIssued),
            e => (e.Details ?? "").Contains("Billing team"));
        Assert.Equal(TestBootstrap.AdminUserName, issuedEvent.Actor);
        Assert.DoesNotContain(token, issuedEvent.Details);
        var created = Assert.Single(await _factory.AuditEventsOfTypeAsync(AdminEventTypes.ApplicationCreated),
            e => (e.Details ?? "").Contains(registered["client_id"]!));
        Assert.Equal(ClientRegistrations.Actor, created.Actor);
        Assert.DoesNotContain(registered["client_secret"]!, created.Details);
    }

    [SkippableFact]
    public async Task NoTokenOrAnUnknownOne_InvalidTokenWithTheBearerChallenge()
    {
        using var http = OidcClients.Backchannel(_factory);

        var without = await RegisterAsync(http, Service());
        var unknown = await RegisterAsync(http, Service(), "not-a-token-anyone-issued");
        var publicWithout = await RegisterAsync(http, PublicApplication());

        Assert.Equal(HttpStatusCode.Unauthorized, without.Status);
        Assert.Equal("invalid_token", without["error"]);
        Assert.StartsWith("Bearer", without.WwwAuthenticate);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, publicWithout.Status);
    }

    [SkippableFact]
    public async Task OneTimeToken_RegistrationsRacing_ExactlyOneRegisters()
    {
        var token = await IssueAsync("Racing", TimeSpan.FromDays(1), oneTime: true);
        using var http = OidcClients.Backchannel(_factory);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(index => RegisterAsync(http, Service($"Racer {index}"), token)));

        Assert.Single(answers, answer => answer.Status == HttpStatusCode.Created);
        Assert.Equal(5, answers.Count(answer => answer.Status == HttpStatusCode.Unauthorized));
    }

    [SkippableFact]
    public async Task ReusableToken_RegistersSeveral_UntilRevokedOrExpired()
    {
        var reusable = await IssueAsync("Agents of the data team", TimeSpan.FromDays(2), oneTime: false);
        var revoked = await IssueAsync("Revoked", TimeSpan.FromDays(2), oneTime: false);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<InitialAccessTokens>();
            var id = (await tokens.ListAsync(CancellationToken.None)).Single(token => token.Description == "Revoked").Id;
            Assert.True(await tokens.RevokeAsync(id, new Administrator("test", null), CancellationToken.None));
        }

        using var http = OidcClients.Backchannel(_factory);

        var first = await RegisterAsync(http, Service("One"), reusable);
        var second = await RegisterAsync(http, Service("Two"), reusable);
        var withRevoked = await RegisterAsync(http, Service("Three"), revoked);
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        var afterExpiry = await RegisterAsync(http, Service("Four"), reusable);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, withRevoked.Status);
        Assert.Single(await _factory.AuditEventsOfTypeAsync(AdminEventTypes.RegistrationTokenRevoked));
        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.Status);
    }

    [SkippableFact]
    public async Task PrivateKeyJwt_JwksUriOnThisMachine_RefusedWithoutBeingFetched_PastedKeysAccepted()
    {
        var token = await IssueAsync("Signed services", TimeSpan.FromDays(1), oneTime: false);
        using var http = OidcClients.Backchannel(_factory);
        var viaUri = Service("Signed by URI");
        viaUri["token_endpoint_auth_method"] = "private_key_jwt";
        viaUri["jwks_uri"] = "https://127.0.0.1:9/jwks.json";
        var viaMetadataAddress = Service("Signed by metadata address");
        viaMetadataAddress["token_endpoint_auth_method"] = "private_key_jwt";
        viaMetadataAddress["jwks_uri"] = "https://169.254.169.254/latest/jwks";
        var pasted = Service("Signed with pasted keys");
        pasted["token_endpoint_auth_method"] = "private_key_jwt";
        pasted["jwks"] = System.Text.Json.JsonDocument.Parse(PrivateKeyJwtTests.PublicKeySet(System.Security.Cryptography.RSA.Create(2048)))
            .RootElement;
        var noKeys = Service("Signed with nothing");
        noKeys["token_endpoint_auth_method"] = "private_key_jwt";

        var loopback = await RegisterAsync(http, viaUri, token);
        var metadataService = await RegisterAsync(http, viaMetadataAddress, token);
        var registered = await RegisterAsync(http, pasted, token);
        var refused = await RegisterAsync(http, noKeys, token);

        Assert.Equal("invalid_client_metadata", loopback["error"]);
        Assert.True(loopback["error_description"]!.Contains("private network"), loopback.Text);
        Assert.Equal("invalid_client_metadata", metadataService["error"]);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Null(registered["client_secret"]);
        Assert.Equal("invalid_client_metadata", refused["error"]);
    }

    private async Task<string> IssueAsync(string description, TimeSpan lifetime, bool oneTime)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var (token, _, problems) = await scope.ServiceProvider.GetRequiredService<InitialAccessTokens>().IssueAsync(description, lifetime,
            oneTime, new Administrator("test", null), CancellationToken.None);
        Assert.Empty(problems);
        return token!;
    }
}

public sealed class InitialAccessTokenRegistrationTestsOnSqlite(SqliteIdpFactory factory) : InitialAccessTokenRegistrationTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class InitialAccessTokenRegistrationTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : InitialAccessTokenRegistrationTests(factory), IClassFixture<PostgreSqlIdpFactory>;
