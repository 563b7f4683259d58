using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Applications;

/// <summary><c>/api/v1/applications</c> as Terraform would drive it: the bootstrap file's shape, versions, secrets shown once.</summary>
public abstract class ApplicationApiTests(IdpFactory factory)
{
    private const string Path = "/api/v1/applications";

    [SkippableFact]
    public async Task Application_CreatedWithASecretOnce_ChangedWithItsVersion_SecretRotated_Deleted()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-apps", "idp:admin");
        using var reader = await ApiClients.WithScopeAsync(factory, "api-apps-reader", "idp:admin:read");

        using var refused = await reader.PostAsJsonAsync(Path, new { clientId = "reporting" });
        using var invalid = await admin.PostAsJsonAsync(Path,
            new { clientId = "reporting", type = "public", grantTypes = new[] { "client_credentials" } });
        using var created = await admin.PostAsJsonAsync(Path, new
        {
            clientId = "reporting", displayName = "Reporting", type = "confidential", grantTypes = new[] { "client_credentials" },
            scopes = new[] { "profile" }, accessTokenLifetime = "00:10:00",
        });
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var secret = body.GetProperty("clientSecret").GetString()!;
        var first = await TokenAsync("reporting", secret);
        var read = await admin.GetAsync(Path + "/reporting");
        var etag = read.Headers.ETag!.ToString();
        using var stale = await SendAsync(admin, HttpMethod.Put, Path + "/reporting", "\"stale\"", new { displayName = "Stale" });
        using var changed = await SendAsync(admin, HttpMethod.Put, Path + "/reporting", etag, new
        {
            displayName = "Monthly reporting", type = "confidential", grantTypes = new[] { "client_credentials" },
            scopes = new[] { "profile" },
        });
        using var rotated = await admin.PostAsync(Path + "/reporting/rotate-secret", null);
        var newSecret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("clientSecret").GetString()!;
        var withOld = await TokenAsync("reporting", secret);
        var withNew = await TokenAsync("reporting", newSecret);
        var version = (await admin.GetAsync(Path + "/reporting")).Headers.ETag!.ToString();
        using var deleted = await SendAsync(admin, HttpMethod.Delete, Path + "/reporting", version, null);
        var afterDelete = await TokenAsync("reporting", newSecret);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("00:10:00", body.GetProperty("application").GetProperty("accessTokenLifetime").GetString());
        Assert.False(first.IsError, first.Error);
        Assert.DoesNotContain(secret, await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Monthly reporting", JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement
            .GetProperty("displayName").GetString());
        Assert.True(withOld.IsError);
        Assert.False(withNew.IsError, withNew.Error);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.True(afterDelete.IsError);
        var audited = Assert.Single(await factory.AuditEventsOfTypeAsync(AdminEventTypes.ApplicationSecretRotated),
            e => (e.Details ?? "").Contains("reporting"));
        Assert.Equal("application:api-apps", audited.Actor);
        Assert.DoesNotContain(newSecret, audited.Details);
    }

    private async Task<TokenResponse> TokenAsync(string clientId, string secret)
    {
        using var http = OidcClients.Backchannel(factory);
        return await http.RequestClientCredentialsTokenAsync(new ClientCredentialsTokenRequest
        {
            Address = "/connect/token", ClientId = clientId, ClientSecret = secret, Scope = "profile",
        });
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string uri, string ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return http.SendAsync(request);
    }
}

public sealed class ApplicationApiTestsOnSqlite(SqliteIdpFactory factory) : ApplicationApiTests(factory),
    IClassFixture<SqliteIdpFactory>;

public sealed class ApplicationApiTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ApplicationApiTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
