using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Applications;

/// <summary>
/// <c>/api/v1/registration-tokens</c>: issued (the token in that answer only), listed without it, revoked once, refused
/// with the field when the request is out of bounds.
/// </summary>
public abstract class RegistrationTokenApiTests(IdpFactory factory)
{
    private const string Path = "/api/v1/registration-tokens";

    [SkippableFact]
    public async Task RegistrationToken_IssuedOnceListedWithoutItRevokedOnce()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-registration-tokens", "idp:admin");

        using var issued = await admin.PostAsJsonAsync(Path, new { description = "CI agents", lifetimeDays = 2, oneTime = true });
        var body = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement;
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("issued").GetProperty("id").GetString();
        var list = await admin.GetStringAsync(Path);
        using var revoked = await admin.DeleteAsync($"{Path}/{id}");
        using var again = await admin.DeleteAsync($"{Path}/{id}");
        using var forever = await admin.PostAsJsonAsync(Path, new { description = "Forever", lifetimeDays = 400 });

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.True(issued.Headers.CacheControl?.NoStore);
        Assert.Contains("CI agents", list);
        Assert.DoesNotContain(token, list);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forever.StatusCode);
        Assert.True(JsonDocument.Parse(await forever.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")
            .TryGetProperty("lifetime", out _));
        Assert.Contains(await factory.AuditEventsOfTypeAsync(AdminEventTypes.RegistrationTokenRevoked),
            e => e.Actor == "application:api-registration-tokens");
    }
}

public sealed class RegistrationTokenApiTestsOnSqlite(SqliteIdpFactory factory)
    : RegistrationTokenApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class RegistrationTokenApiTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : RegistrationTokenApiTests(factory), IClassFixture<PostgreSqlIdpFactory>;
