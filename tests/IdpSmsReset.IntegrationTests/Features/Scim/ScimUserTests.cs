using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Scim;

/// <summary>
/// <c>/scim/v2</c> as Entra ID and Okta provision: look a user up by userName, create, PATCH (Entra's capitalised
/// Replace, a string "False"), deactivate, delete; and the refusals as SCIM error messages.
/// </summary>
public abstract class ScimUserTests(IdpFactory factory)
{
    private const string Users = "/scim/v2/Users";

    [SkippableFact]
    public async Task EntraSequence_LookUpCreatePatchDeactivateDelete()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-entra", "idp:scim");
        const string filter = "?filter=" + "userName%20eq%20%22scim.dana%40example.com%22";

        var before = await JsonAsync(await scim.GetAsync(Users + filter));
        using var created = await PostAsync(scim, Users, """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a","userName":"scim.dana@example.com","active":true,"displayName":"Dana Scim",
             "name":{"givenName":"Dana","familyName":"Scim"},
             "emails":[{"primary":true,"type":"work","value":"scim.dana@example.com"}],
             "phoneNumbers":[{"type":"mobile","value":"+14155550188"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance","employeeNumber":"701"}}
            """);
        var user = await JsonAsync(created);
        var id = user["id"]!.GetValue<string>();
        var found = await JsonAsync(await scim.GetAsync(Users + filter));
        using var deactivated = await PatchAsync(scim, id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);
        using var renamed = await PatchAsync(scim, id, """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"replace","value":{"displayName":"Dana S."}},
              {"op":"Replace","path":"phoneNumbers[type eq \"mobile\"].value","value":"+14155550199"},
              {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Audit"}]}
            """);
        var afterPatch = await JsonAsync(renamed);
        using var deleted = await scim.DeleteAsync($"{Users}/{id}");
        using var gone = await scim.GetAsync($"{Users}/{id}");

        Assert.Equal(0, before["totalResults"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/scim+json", created.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith($"{Users}/{id}", created.Headers.Location!.ToString());
        Assert.Equal("0a21f0f2-8d2a", user["externalId"]!.GetValue<string>());
        Assert.Equal("Finance", user[ScimEnterprise]!["department"]!.GetValue<string>());
        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
        Assert.Equal(id, found["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.False((await JsonAsync(deactivated))["active"]!.GetValue<bool>());
        Assert.Equal("Dana S.", afterPatch["displayName"]!.GetValue<string>());
        Assert.Equal("+14155550199", afterPatch["phoneNumbers"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("Audit", afterPatch[ScimEnterprise]!["department"]!.GetValue<string>());
        Assert.Equal("Dana", afterPatch["name"]!["givenName"]!.GetValue<string>());
        Assert.False(afterPatch["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(await factory.AuditEventsOfTypeAsync(AdminEventTypes.UserDisabled), e => e.Actor == "application:scim-entra");
    }

    [SkippableFact]
    public async Task Filters_AndOrNotParenthesesOnSeveralAttributes_AnsweredByTheDatabase()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-okta", "idp:scim");
        foreach (var (name, department) in new[] { ("filter.ann", "Sales"), ("filter.ben", "Sales"), ("filter.cid", "Legal") })
        {
            using var made = await PostAsync(scim, Users, $$$"""
                {"userName":"{{{name}}}","emails":[{"value":"{{{name}}}@example.com"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"{{{department}}}"}}
                """);
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        }

        async Task<List<string>> NamesAsync(string filter) =>
            [.. (await JsonAsync(await scim.GetAsync(Users + "?filter=" + Uri.EscapeDataString(filter))))["Resources"]!.AsArray()
                .Select(resource => resource!["userName"]!.GetValue<string>())];

        Assert.Equal(["filter.ann", "filter.ben"], await NamesAsync("userName sw \"FILTER.\" and department eq \"Sales\""));
        Assert.Equal(["filter.ann", "filter.cid"],
            await NamesAsync("userName sw \"filter.\" and (userName ew \"ann\" or emails.value co \"cid@\")"));
        Assert.Equal(["filter.cid"], await NamesAsync("userName sw \"filter.\" and not (department eq \"Sales\")"));
        Assert.Equal(["filter.ann", "filter.ben", "filter.cid"], await NamesAsync("userName sw \"filter.\" and active eq true"));
        var descending = await JsonAsync(await scim.GetAsync(Users + "?sortBy=userName&sortOrder=descending&count=2&filter="
            + Uri.EscapeDataString("userName sw \"filter.\"")));
        Assert.Equal(3, descending["totalResults"]!.GetValue<int>());
        Assert.Equal(["filter.cid", "filter.ben"],
            descending["Resources"]!.AsArray().Select(resource => resource!["userName"]!.GetValue<string>()));
        using var unsortable = await scim.GetAsync(Users + "?sortBy=nickName");
        Assert.Equal(HttpStatusCode.BadRequest, unsortable.StatusCode);
    }

    [SkippableFact]
    public async Task Refusals_AreScimErrorMessages_NeverAServerError()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-refusals", "idp:scim");
        using var admin = await ApiClients.WithScopeAsync(factory, "scim-wrong-scope", "idp:admin");
        using var first = await PostAsync(scim, Users, """{"userName":"scim.twice"}""");

        using var twice = await PostAsync(scim, Users, """{"userName":"scim.twice"}""");
        using var badFilter = await scim.GetAsync(Users + "?filter=" + Uri.EscapeDataString("userName eq"));
        using var unknownAttribute = await scim.GetAsync(Users + "?filter=" + Uri.EscapeDataString("nickName eq \"x\""));
        using var notJson = await scim.PostAsync(Users, new StringContent("{", Encoding.UTF8, "application/scim+json"));
        using var noUserName = await PostAsync(scim, Users, """{"displayName":"Nameless"}""");
        using var badPatch = await PatchAsync(scim, (await JsonAsync(first))["id"]!.GetValue<string>(),
            """{"Operations":[{"op":"move"}]}""");
        using var wrongScope = await admin.GetAsync(Users);

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("uniqueness", (await JsonAsync(twice))["scimType"]!.GetValue<string>());
        foreach (var (response, scimType) in new[] { (badFilter, "invalidFilter"), (unknownAttribute, "invalidFilter"),
            (notJson, "invalidSyntax"), (noUserName, "invalidValue"), (badPatch, "invalidValue") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await JsonAsync(response);
            Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", error["schemas"]![0]!.GetValue<string>());
            Assert.Equal(scimType, error["scimType"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
    }

    [SkippableFact]
    public async Task Discovery_ServiceProviderConfigResourceTypesSchemas()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-discovery", "idp:scim");

        var config = await JsonAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig"));
        var types = await JsonAsync(await scim.GetAsync("/scim/v2/ResourceTypes"));
        var schemas = await JsonAsync(await scim.GetAsync("/scim/v2/Schemas"));

        Assert.True(config["patch"]!["supported"]!.GetValue<bool>());
        Assert.True(config["filter"]!["supported"]!.GetValue<bool>());
        Assert.Equal("/Users", types["Resources"]![0]!["endpoint"]!.GetValue<string>());
        Assert.Equal(3, schemas["totalResults"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Meta_CreatedAndLastModified_ChangeWithTheUserAndFilterByDate()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-meta", "idp:scim");
        using var created = await PostAsync(scim, Users, """{"userName":"scim.meta","displayName":"Meta"}""");
        var meta = (await JsonAsync(created))["meta"]!;
        var id = (await JsonAsync(created))["id"]!.GetValue<string>();
        var createdAt = DateTime.Parse(meta["created"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.RoundtripKind);
        await Task.Delay(20);
        using var renamed = await PatchAsync(scim, id, """{"Operations":[{"op":"replace","path":"displayName","value":"Meta 2"}]}""");
        var changed = (await JsonAsync(renamed))["meta"]!;

        string Since(DateTime time) => Uri.EscapeDataString(
            $"meta.lastModified gt \"{time:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\" and userName eq \"scim.meta\"");
        var sinceCreation = await JsonAsync(await scim.GetAsync($"{Users}?filter={Since(createdAt.AddSeconds(-1))}"));
        var sinceLater = await JsonAsync(await scim.GetAsync($"{Users}?filter={Since(createdAt.AddMinutes(5))}"));
        using var notADate = await scim.GetAsync($"{Users}?filter=" + Uri.EscapeDataString("meta.created gt \"yesterday\""));

        Assert.Equal(meta["created"]!.GetValue<string>(), changed["created"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(changed["lastModified"]!.GetValue<string>(), meta["lastModified"]!.GetValue<string>()) > 0);
        Assert.NotEqual(meta["version"]!.GetValue<string>(), changed["version"]!.GetValue<string>());
        Assert.Equal(1, sinceCreation["totalResults"]!.GetValue<int>());
        Assert.Equal(0, sinceLater["totalResults"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Equal("invalidFilter", (await JsonAsync(notADate))["scimType"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task AttributesAndExcludedAttributes_ShapeTheAnswer_IdAlwaysThere()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-projection", "idp:scim");
        using var created = await PostAsync(scim, Users, """
            {"userName":"scim.shaped","displayName":"Shaped","name":{"givenName":"Sha","familyName":"Ped"},
             "emails":[{"value":"shaped@example.com"}]}
            """);
        var id = (await JsonAsync(created))["id"]!.GetValue<string>();

        var only = await JsonAsync(await scim.GetAsync($"{Users}/{id}?attributes=userName,name.givenName"));
        var without = await JsonAsync(await scim.GetAsync($"{Users}/{id}?excludedAttributes=emails,name"));

        Assert.Equal(["userName", "name", "id", "schemas", "meta"], only.Select(pair => pair.Key));
        Assert.Equal(["givenName"], only["name"]!.AsObject().Select(pair => pair.Key));
        Assert.Null(without["emails"]);
        Assert.Null(without["name"]);
        Assert.Equal("Shaped", without["displayName"]!.GetValue<string>());
    }

    private const string ScimEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/scim+json"));

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string id, string json) =>
        http.PatchAsync($"{Users}/{id}", new StringContent(json, Encoding.UTF8, "application/scim+json"));

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}

public sealed class ScimUserTestsOnSqlite(SqliteIdpFactory factory) : ScimUserTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ScimUserTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ScimUserTests(factory), IClassFixture<PostgreSqlIdpFactory>;
