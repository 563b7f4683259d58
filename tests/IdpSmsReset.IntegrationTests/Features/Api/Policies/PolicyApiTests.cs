using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Policies;

/// <summary><c>/api/v1/policies</c>: the bootstrap file's policies over HTTP, under the dashboard's rules.</summary>
public abstract class PolicyApiTests(IdpFactory factory)
{
    private const string Path = "/api/v1/policies";

    [SkippableFact]
    public async Task Policy_CreatedInTheBootstrapShape_RulesApplied_ChangedWithItsVersion_DeletedWhenUnused()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-policies", "idp:admin");

        using var unknownFactor = await admin.PostAsJsonAsync(Path, new { name = "Contractors", mfa = new { factors = new[] { "fax" } } });
        using var resetWithoutSms = await admin.PostAsJsonAsync(Path, new { name = "Contractors", passwordReset = new { sms = true } });
        using var created = await admin.PostAsJsonAsync(Path, new
        {
            name = "Contractors", mfa = new { factors = new[] { "sms", "totp" }, require = "always" },
            lockout = new { maxFailedAttempts = 4 },
        });
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var etag = created.Headers.ETag!.ToString();
        using var stale = await SendAsync(admin, HttpMethod.Put, Path + "/Contractors", "\"stale\"", new { name = "Contractors" });
        using var changed = await SendAsync(admin, HttpMethod.Put, Path + "/Contractors", etag, new
        {
            name = "Contractors", mfa = new { factors = new[] { "totp" }, require = "always" },
        });
        var defaultPolicy = await admin.GetAsync(Path + "/Default");
        using var refusedDelete = await SendAsync(admin, HttpMethod.Delete, Path + "/Default", "*", null);
        using var deleted = await SendAsync(admin, HttpMethod.Delete, Path + "/Contractors", changed.Headers.ETag!.ToString(), null);

        Assert.Equal(HttpStatusCode.BadRequest, unknownFactor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, resetWithoutSms.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(4, body.GetProperty("lockout").GetProperty("maxFailedAttempts").GetInt32());
        Assert.Equal(12, body.GetProperty("password").GetProperty("minLength").GetInt32());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["totp"], JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("mfa")
            .GetProperty("factors").EnumerateArray().Select(factor => factor.GetString()));
        Assert.Equal(HttpStatusCode.OK, defaultPolicy.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refusedDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [SkippableFact]
    public async Task MakeDefault_TheNewDefaultIsTheOnlyOne_AndAnUnknownPolicyIsNotFound()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-default-policy", "idp:admin");
        using var created = await admin.PostAsJsonAsync(Path, new { name = "Everyone" });

        using var made = await admin.PostAsync(Path + "/Everyone/make-default", null);
        var list = JsonDocument.Parse(await admin.GetStringAsync(Path)).RootElement.GetProperty("items");
        using var unknown = await admin.PostAsync(Path + "/Nobody/make-default", null);
        using var back = await admin.PostAsync(Path + "/Default/make-default", null);

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.True(JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement.GetProperty("isDefault").GetBoolean());
        Assert.Equal(["Everyone"], list.EnumerateArray().Where(policy => policy.GetProperty("isDefault").GetBoolean())
            .Select(policy => policy.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string uri, string ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(ifMatch == "*" ? EntityTagHeaderValue.Any : EntityTagHeaderValue.Parse(ifMatch));
        return http.SendAsync(request);
    }
}

public sealed class PolicyApiTestsOnSqlite(SqliteIdpFactory factory) : PolicyApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class PolicyApiTestsOnPostgreSql(PostgreSqlIdpFactory factory) : PolicyApiTests(factory), IClassFixture<PostgreSqlIdpFactory>;
