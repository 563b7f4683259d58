using System.Net;
using System.Text;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api;

/// <summary>Malformed or hostile bodies on every create of /api/v1: each a clear refusal, never a server error.</summary>
public abstract class ApiHostileInputTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Creates_NulControlCharactersWrongTypesOrNoJson_RefusedWithoutAServerError()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "api-hostile", "idp:admin");
        (string Path, string Body)[] requests =
        [
            ("/api/v1/users", """{"userName":"hostile1","displayName":"a\u0000b"}"""),
            ("/api/v1/users", """{"userName":"hostile2","attributes":{"team":"x\u0000"}}"""),
            ("/api/v1/users", """{"userName":"hostile3","email":"\u0000@example.com"}"""),
            ("/api/v1/users", """{"userName":["not","text"]}"""),
            ("/api/v1/users", "{"),
            ("/api/v1/users", "null"),
            ("/api/v1/policies", """{"name":"p\u0000"}"""),
            ("/api/v1/policies", """{"name":"p1","lockout":{"maxFailedAttempts":"many"}}"""),
            ("/api/v1/applications", """{"clientId":"c\u0000","type":"public","redirectUris":["https://rp.example/cb"]}"""),
            ("/api/v1/applications", """{"clientId":"hostile-app","displayName":"d\u0000","type":"public",""" +
                "\"grantTypes\":[\"authorization_code\"],\"redirectUris\":[\"https://rp.example/cb\"]}"),
            ("/api/v1/registration-tokens", """{"description":"t\u0000","lifetimeDays":1}"""),
        ];

        var answers = new List<(string Body, HttpStatusCode Status)>();
        foreach (var (path, body) in requests)
        {
            using var response = await api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            answers.Add((body, response.StatusCode));
        }

        Assert.Equal([], answers.Where(answer => (int)answer.Status >= 500).Select(answer => answer.Body).ToArray());
        Assert.Equal([], answers.Where(answer => answer.Status is HttpStatusCode.Created).Select(answer => answer.Body).ToArray());
    }

    [SkippableFact]
    public async Task Reads_NulInTheQuery_AnsweredWithoutAServerError()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "api-hostile-reader", "idp:admin idp:scim");
        // (A NUL in the path never reaches the server: Kestrel refuses such a request line with 400.)
        string[] paths =
        [
            "/api/v1/users?search=%00", "/api/v1/users?cursor=%00", "/api/v1/audit?user=%00", "/api/v1/audit?actor=%00",
            "/api/v1/audit?type=%00", "/api/v1/messages?cursor=%00", "/scim/v2/Groups?filter=displayName%20eq%20%22%00%22",
            "/scim/v2/Users?attributes=%00", "/api/v1/keys/%C2%85/revoke",
        ];

        var answers = new List<(string Path, HttpStatusCode Status)>();
        foreach (var path in paths)
        {
            using var response = path.EndsWith("/revoke", StringComparison.Ordinal)
                ? await api.PostAsync(path, null)
                : await api.GetAsync(path);
            answers.Add((path, response.StatusCode));
        }

        Assert.Equal([], answers.Where(answer => (int)answer.Status >= 500).Select(answer => answer.Path).ToArray());
    }
}

public sealed class ApiHostileInputTestsOnSqlite(SqliteIdpFactory factory) : ApiHostileInputTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ApiHostileInputTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : ApiHostileInputTests(factory), IClassFixture<PostgreSqlIdpFactory>;
