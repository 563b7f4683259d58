using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Scim;

/// <summary>
/// <c>/scim/v2/Groups</c>: the administrators' group, its membership set as Entra ID (remove with a value list) and Okta
/// (remove by a value path) send it, only by a token that also carries idp:admin, never leaving the server without an
/// administrator.
/// </summary>
public abstract class ScimGroupTests(IdpFactory factory)
{
    private const string Administrators = "/scim/v2/Groups/admin";

    [SkippableFact]
    public async Task Groups_ScimScopeAlone_ReadsTheAdministratorsButCannotChangeThem()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-groups-reader", "idp:scim");

        var byName = await JsonAsync(await scim.GetAsync("/scim/v2/Groups?filter=" + Uri.EscapeDataString("displayName eq \"admin\"")));
        using var change = await PatchAsync(scim, """{"Operations":[{"op":"add","path":"members","value":[{"value":"someone"}]}]}""");
        using var create = await scim.PostAsync("/scim/v2/Groups", Scim("""{"displayName":"auditors"}"""));

        var group = byName["Resources"]![0]!;
        Assert.Equal("admin", group["displayName"]!.GetValue<string>());
        Assert.Contains(group["members"]!.AsArray(), member => member!["display"]!.GetValue<string>() == TestBootstrap.AdminUserName);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Contains("idp:admin", (await JsonAsync(change))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("mutability", (await JsonAsync(create))["scimType"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Groups_EntraAndOktaMembershipSequences_GrantAndWithdrawTheAdministratorRole()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-groups-admin", "idp:scim idp:admin");
        using var created = await scim.PostAsync("/scim/v2/Users", Scim("""{"userName":"scim.grace","displayName":"Grace"}"""));
        var id = (await JsonAsync(created))["id"]!.GetValue<string>();

        using var entraAdd = await PatchAsync(scim, $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"Add","path":"members","value":[{"value":"{{id}}"}]}]}
            """);
        var userWhileAdministrator = await JsonAsync(await scim.GetAsync($"/scim/v2/Users/{id}"));
        using var entraRemove = await PatchAsync(scim, $$"""
            {"Operations":[{"op":"Remove","path":"members","value":[{"value":"{{id}}"}]}]}
            """);
        var afterEntra = await JsonAsync(await scim.GetAsync(Administrators));
        using var oktaAdd = await PatchAsync(scim, $$$"""{"Operations":[{"op":"add","value":{"members":[{"value":"{{{id}}}"}]}}]}""");
        using var oktaRemove = await PatchAsync(scim, $$"""{"Operations":[{"op":"remove","path":"members[value eq \"{{id}}\"]"}]}""");
        var afterOkta = await JsonAsync(await scim.GetAsync(Administrators));

        Assert.Equal(HttpStatusCode.OK, entraAdd.StatusCode);
        Assert.Contains((await JsonAsync(entraAdd))["members"]!.AsArray(), member => member!["value"]!.GetValue<string>() == id);
        Assert.Equal("admin", userWhileAdministrator["groups"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, entraRemove.StatusCode);
        Assert.DoesNotContain(afterEntra["members"]!.AsArray(), member => member!["value"]!.GetValue<string>() == id);
        Assert.Contains(afterEntra["members"]!.AsArray(), member => member!["display"]!.GetValue<string>() == TestBootstrap.AdminUserName);
        Assert.Equal(HttpStatusCode.OK, oktaAdd.StatusCode);
        Assert.Equal(HttpStatusCode.OK, oktaRemove.StatusCode);
        Assert.DoesNotContain(afterOkta["members"]!.AsArray(), member => member!["value"]!.GetValue<string>() == id);
        Assert.True((await factory.AuditEventsOfTypeAsync(AdminEventTypes.UserChanged))
            .Count(e => e.Actor == "application:scim-groups-admin" && e.SubjectUserId == id) >= 4);
    }

    [SkippableFact]
    public async Task Groups_ReplacingEveryAdministratorByNobody_RefusedAndTheRoleStays()
    {
        using var scim = await ApiClients.WithScopeAsync(factory, "scim-groups-emptier", "idp:scim idp:admin");

        using var emptied = await scim.PutAsync(Administrators, Scim("""{"displayName":"admin","members":[]}"""));
        using var renamed = await scim.PutAsync(Administrators, Scim("""{"displayName":"root","members":[]}"""));
        var group = await JsonAsync(await scim.GetAsync(Administrators));

        Assert.Equal(HttpStatusCode.Conflict, emptied.StatusCode);
        Assert.Equal("mutability", (await JsonAsync(emptied))["scimType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Contains(group["members"]!.AsArray(), member => member!["display"]!.GetValue<string>() == TestBootstrap.AdminUserName);
    }

    [SkippableFact]
    public async Task UserUpdate_TakingTheRoleFromTheLastAdministrator_RefusedAndTheRoleStays()
    {
        using var api = await ApiClients.WithScopeAsync(factory, "scim-groups-demoter", "idp:scim idp:admin");
        var administrator = (await JsonAsync(await api.GetAsync(Administrators)))["members"]!.AsArray()
            .Single(member => member!["display"]!.GetValue<string>() == TestBootstrap.AdminUserName)!["value"]!.GetValue<string>();
        using var onlyOne = await api.PutAsync(Administrators, Scim($$"""{"members":[{"value":"{{administrator}}"}]}"""));
        using var read = await api.GetAsync($"/api/v1/users/{administrator}");
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{administrator}")
        {
            Content = JsonContent.Create(new { userName = TestBootstrap.AdminUserName, roles = Array.Empty<string>() }),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag!);

        using var demoted = await api.SendAsync(request);
        var group = await JsonAsync(await api.GetAsync(Administrators));

        Assert.Equal(HttpStatusCode.OK, onlyOne.StatusCode);
        Assert.False(demoted.IsSuccessStatusCode);
        Assert.Contains("last administrator", await demoted.Content.ReadAsStringAsync());
        Assert.Equal(administrator, group["members"]!.AsArray().Single()!["value"]!.GetValue<string>());
    }

    private static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    private static Task<HttpResponseMessage> PatchAsync(HttpClient http, string json) => http.PatchAsync(Administrators, Scim(json));

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}

public sealed class ScimGroupTestsOnSqlite(SqliteIdpFactory factory) : ScimGroupTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class ScimGroupTestsOnPostgreSql(PostgreSqlIdpFactory factory) : ScimGroupTests(factory), IClassFixture<PostgreSqlIdpFactory>;
