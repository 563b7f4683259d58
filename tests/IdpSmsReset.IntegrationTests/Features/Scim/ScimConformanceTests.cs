using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Scim;

/// <summary>
/// The request bodies RFC 7644 gives as examples and the sequence Okta documents, replayed over HTTP; and hostile or
/// malformed inputs, each answered with a SCIM error or a success, never a server error.
/// </summary>
public abstract class ScimConformanceTests(IdpFactory factory)
{
    private const string Users = "/scim/v2/Users";

    [SkippableFact]
    public async Task Rfc7644Examples_CreateReplacePatchEmails_Answered()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-rfc", "idp:scim");

        // RFC 7644 §3.3's creation request.
        using var created = await SendAsync(scim, HttpMethod.Post, Users, """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen","externalId":"bjensen",
             "name":{"formatted":"Ms. Barbara J Jensen III","familyName":"Jensen","givenName":"Barbara"}}
            """);
        var user = await JsonAsync(created);
        var id = user["id"]!.GetValue<string>();
        // RFC 7644 §3.5.1's replacement (userName, name, emails), sent with the version read.
        using var replaced = await SendAsync(scim, HttpMethod.Put, $"{Users}/{id}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"ID","userName":"bjensen","externalId":"bjensen",
             "name":{"formatted":"Ms. Barbara J Jensen III","familyName":"Jensen","givenName":"Barbara","middleName":"Jane"},
             "emails":[{"value":"bjensen@example.com"},{"value":"babs@jensen.org"}]}
            """.Replace("\"ID\"", $"\"{id}\""), user["meta"]!["version"]!.GetValue<string>());
        // RFC 7644 §3.5.2.3: replace the work email by a value path; §3.5.2.2: remove by a value path.
        using var patched = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","path":"emails[type eq \"work\"]","value":{"type":"work","value":"bjensen@work.example.com"}},
              {"op":"remove","path":"name.givenName"}]}
            """);
        using var stale = await SendAsync(scim, HttpMethod.Put, $"{Users}/{id}", """{"userName":"bjensen"}""",
            user["meta"]!["version"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Jensen", user["name"]!["familyName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("bjensen@example.com", (await JsonAsync(replaced))["emails"]![0]!["value"]!.GetValue<string>());
        var afterPatch = await JsonAsync(patched);
        Assert.Equal("bjensen@work.example.com", afterPatch["emails"]![0]!["value"]!.GetValue<string>());
        Assert.Null(afterPatch["name"]!["givenName"]);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [SkippableFact]
    public async Task OktaSequence_LookUpCreateReadReplaceDeactivate()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-okta", "idp:scim");
        var lookUp = $"{Users}?filter={Uri.EscapeDataString("userName eq \"okta.lee@example.com\"")}&startIndex=1&count=100";

        var none = await JsonAsync(await scim.GetAsync(lookUp));
        using var created = await SendAsync(scim, HttpMethod.Post, Users, """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"okta.lee@example.com",
             "name":{"givenName":"Lee","familyName":"Okta"},"emails":[{"primary":true,"value":"okta.lee@example.com","type":"work"}],
             "displayName":"Lee Okta","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
             "password":"1mz050nq!Secret-Enough","active":true}
            """);
        var id = (await JsonAsync(created))["id"]!.GetValue<string>();
        var read = await JsonAsync(await scim.GetAsync($"{Users}/{id}"));
        using var replaced = await SendAsync(scim, HttpMethod.Put, $"{Users}/{id}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"ID","userName":"okta.lee@example.com",
             "name":{"givenName":"Leigh","familyName":"Okta"},"emails":[{"primary":true,"value":"okta.lee@example.com","type":"work"}],
             "displayName":"Leigh Okta","active":true,"groups":[]}
            """.Replace("\"ID\"", $"\"{id}\""));
        using var deactivated = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """);
        var found = await JsonAsync(await scim.GetAsync(lookUp));

        Assert.Equal(0, none["totalResults"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null(read["password"]);
        Assert.Equal("Leigh Okta", (await JsonAsync(replaced))["displayName"]!.GetValue<string>());
        Assert.False((await JsonAsync(deactivated))["active"]!.GetValue<bool>());
        Assert.Equal(id, found["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.False(found["Resources"]![0]!["active"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task HostileInputs_AnsweredWithoutAServerError()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-hostile", "idp:scim");
        using var created = await SendAsync(scim, HttpMethod.Post, Users, """{"userName":"scim.target"}""");
        var id = (await JsonAsync(created))["id"]!.GetValue<string>();
        string[] filters =
        [
            "", "(", ")", "userName eq \"a\" and", "not", "not (", "userName eq \"unterminated", "userName zz \"a\"",
            "emails[type eq \"work\"", "meta.created gt 5", "active eq maybe", "userName eq \"a\" or (displayName co \"b\"",
            new string('(', 500) + "userName pr" + new string(')', 500), "userName eq \"\\u0000\"", "id eq null",
        ];
        string[] bodies =
        [
            "[]", "null", "\"text\"", """{"userName":5}""", """{"userName":"x","active":"perhaps"}""",
            """{"userName":"x","emails":"not a list"}""", """{"userName":"x","name":"not an object"}""",
            """{"userName":"x","phoneNumbers":[{"value":"not a phone","type":"mobile"}]}""",
            """{"userName":"x","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":5}}""",
            """{"userName":"nul\u0000name"}""", """{"userName":"nul.display","displayName":"a\u0000b"}""",
            """{"userName":"nul.attribute","externalId":"\u0000"}""",
        ];
        string[] patches =
        [
            "{}", """{"Operations":"x"}""", """{"Operations":[null]}""", """{"Operations":[{"op":"add"}]}""",
            """{"Operations":[{"op":"remove"}]}""", """{"Operations":[{"op":"replace","path":"emails[type eq","value":1}]}""",
            """{"Operations":[{"op":"add","path":"a.b.c.d","value":{"x":1}}]}""", """{"Operations":[{"op":"replace","value":5}]}""",
            """{"Operations":[{"op":"replace","path":"active","value":{"nested":true}}]}""",
        ];

        var statuses = new List<(string Input, HttpStatusCode Status)>();
        foreach (var filter in filters)
        {
            using var response = await scim.GetAsync($"{Users}?filter={Uri.EscapeDataString(filter)}");
            statuses.Add((filter, response.StatusCode));
        }

        foreach (var body in bodies)
        {
            using var response = await SendAsync(scim, HttpMethod.Post, Users, body);
            statuses.Add((body, response.StatusCode));
        }

        foreach (var patch in patches)
        {
            using var response = await SendAsync(scim, HttpMethod.Patch, $"{Users}/{id}", patch);
            statuses.Add((patch, response.StatusCode));
        }

        foreach (var query in new[] { "?startIndex=-5&count=-1", "?count=99999999999", "?sortBy=", "?attributes=,,,", "?sortOrder=up" })
        {
            using var response = await scim.GetAsync(Users + query);
            statuses.Add((query, response.StatusCode));
        }

        Assert.Equal([], statuses.Where(answer => (int)answer.Status >= 500).Select(answer => answer.Input).ToArray());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string json,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/scim+json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return http.SendAsync(request);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}

public sealed class ScimConformanceTestsOnSqlite(SqliteIdpFactory factory) : ScimConformanceTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ScimConformanceTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : ScimConformanceTests(factory), IClassFixture<PostgreSqlIdpFactory>;
