using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.Core.Users;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Api.IdentityProviders;

/// <summary><c>/api/v1/identity-providers</c>: the bootstrap file's providers over HTTP; the secret goes in, never out.</summary>
public abstract class IdentityProviderApiTests(IdpFactory factory)
{
    private const string Path = "/api/v1/identity-providers";
    private const string Secret = "the upstream's secret 0123456789";

    [SkippableFact]
    public async Task Provider_CreatedByPut_SecretNeverShown_ReplacedWithItsVersionKeepingTheSecret()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-identity-providers", "idp:admin");
        var definition = new
        {
            type = "oidc", displayName = "Corp", issuer = "https://login.corp.example", clientId = "idp", clientSecret = Secret,
            emailDomains = new[] { "corp.example" },
        };

        using var plainHttp = await admin.PutAsJsonAsync(Path + "/corp", definition with { issuer = "http://login.corp.example" });
        using var created = await admin.PutAsJsonAsync(Path + "/corp", definition);
        var createdText = await created.Content.ReadAsStringAsync();
        using var withoutVersion = await admin.PutAsJsonAsync(Path + "/corp", definition);
        using var replaced = await PutAsync(admin, Path + "/corp", created.Headers.ETag!.ToString(),
            new { type = "oidc", displayName = "Corp Inc.", issuer = "https://login.corp.example", clientId = "idp" });
        var listed = JsonDocument.Parse(await admin.GetStringAsync(Path)).RootElement.GetProperty("items");

        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.Contains("issuer", await plainHttp.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain(Secret, createdText);
        var body = JsonDocument.Parse(createdText).RootElement;
        Assert.True(body.GetProperty("clientSecretSet").GetBoolean());
        Assert.Equal("http://localhost/connect/external/corp/callback", body.GetProperty("redirectUri").GetString());
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var shown = Assert.Single(listed.EnumerateArray());
        Assert.Equal("Corp Inc.", shown.GetProperty("definition").GetProperty("displayName").GetString());
        Assert.True(shown.GetProperty("clientSecretSet").GetBoolean());
        Assert.DoesNotContain(Secret, listed.GetRawText());
    }

    [SkippableFact]
    public async Task UserLinks_Listed_LastWayInKept_OtherRemovedAndAudited()
    {
        await factory.ChangeUserAsync("erin", (users, erin) => users.AddLoginAsync(erin, new("corp", "erin-1", "Corp")));
        await factory.ChangeUserAsync("grace", (users, grace) => users.AddLoginAsync(grace, new("corp", "grace-1", "Corp")));
        await factory.ChangeUserAsync("grace", (users, grace) => users.RemovePasswordAsync(grace));
        using var admin = await ApiClients.WithScopeAsync(factory, "api-user-links", "idp:admin");
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var erin = (await users.FindByNameAsync("erin"))!.Id;
        var grace = (await users.FindByNameAsync("grace"))!.Id;

        var listed = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/users/{erin}/links")).RootElement.GetProperty("items");
        using var removed = await admin.DeleteAsync($"/api/v1/users/{erin}/links/corp");
        using var again = await admin.DeleteAsync($"/api/v1/users/{erin}/links/corp");
        using var lastWayIn = await admin.DeleteAsync($"/api/v1/users/{grace}/links/corp");

        var link = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("corp", "erin-1"), (link.GetProperty("provider").GetString(), link.GetProperty("subject").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lastWayIn.StatusCode);
        Assert.Contains("only way to sign in", await lastWayIn.Content.ReadAsStringAsync());
        Assert.Equal("application:api-user-links", Assert.Single(await factory.AuditEventsOfTypeAsync(
            Core.Audit.AuditEventTypes.FederatedLinkRemoved)).Actor);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient http, string uri, string ifMatch, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return http.SendAsync(request);
    }
}

public sealed class IdentityProviderApiTestsOnSqlite(SqliteIdpFactory factory)
    : IdentityProviderApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class IdentityProviderApiTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : IdentityProviderApiTests(factory), IClassFixture<PostgreSqlIdpFactory>;
