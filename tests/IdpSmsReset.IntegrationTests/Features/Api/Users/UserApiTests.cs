using System.Net;
using Duende.IdentityModel.Client;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Api.Users;

/// <summary>
/// <c>/api/v1/users</c> as a script uses it: a service's token with <c>idp:admin</c>, the dashboard's rules, versions
/// named in <c>If-Match</c>, and the application as the actor in the audit.
/// </summary>
public abstract class UserApiTests(IdpFactory factory)
{
    private const string Path = "/api/v1/users";

    [SkippableFact]
    public async Task NoToken_UsersToken_ReadOnlyTokenWriting_RefusedAsRfc6750Says()
    {
        using var anonymous = OidcClients.Backchannel(factory);
        using var reader = await ApiClients.WithScopeAsync(factory, "api-reader", "idp:admin:read");

        using var withoutToken = await anonymous.GetAsync(Path);
        using var read = await reader.GetAsync(Path);
        using var write = await reader.PostAsJsonAsync(Path, new { userName = "nobody-made" });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Contains("Bearer", withoutToken.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("insufficient_scope", write.Headers.WwwAuthenticate.ToString());
        Assert.Equal("insufficient-scope", (await ProblemAsync(write)).GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task Token_RevokedOrItsApplicationDeleted_RefusedAtOnce()
    {
        using var revoked = await ApiClients.WithScopeAsync(factory, "api-revoked", "idp:admin:read");
        using var deletedApplication = await ApiClients.WithScopeAsync(factory, "api-deleted", "idp:admin:read");
        using var before = await revoked.GetAsync(Path);
        using var http = OidcClients.Backchannel(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<ApplicationAdministration>();
            var secret = (await applications.RotateSecretAsync("api-revoked", new Administrator("test", null), CancellationToken.None))
                .NewSecret!;
            var revocation = await http.RevokeTokenAsync(new TokenRevocationRequest
            {
                Address = "/connect/revoke", ClientId = "api-revoked", ClientSecret = secret,
                Token = revoked.DefaultRequestHeaders.Authorization!.Parameter!,
            });
            Assert.False(revocation.IsError, revocation.Error);
            Assert.True(await applications.DeleteAsync("api-deleted", new Administrator("test", null), CancellationToken.None));
        }

        using var afterRevocation = await revoked.GetAsync(Path);
        using var afterDeletion = await deletedApplication.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDeletion.StatusCode);
    }

    [SkippableFact]
    public async Task User_CreatedReadChangedDisabledDeleted_EachWithItsVersion_AuditedWithTheApplication()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");

        using var created = await admin.PostAsJsonAsync(Path, new
        {
            userName = "api-made", password = "a long enough passphrase", displayName = "Made by API", email = "api-made@example.com",
            phoneNumber = "+14155550177", attributes = new Dictionary<string, string> { ["employeeNumber"] = "E-42" },
        });
        var location = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!.ToString();
        using var withoutVersion = await admin.PutAsJsonAsync(location, new { displayName = "No version" });
        using var stale = await SendAsync(admin, HttpMethod.Put, location, "\"not-the-version\"", new { displayName = "Stale" });
        using var changed = await SendAsync(admin, HttpMethod.Put, location, etag,
            new { displayName = "Renamed", email = "api-made@example.com" });
        using var disabled = await admin.PostAsync(location + "/disable", null);
        using var listed = await admin.GetAsync(Path + "?search=api-made");
        var currentVersion = (await admin.GetAsync(location)).Headers.ETag!.ToString();
        using var deleted = await SendAsync(admin, HttpMethod.Delete, location, currentVersion, null);
        using var gone = await admin.GetAsync(location);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        Assert.Equal("api-made", body.GetProperty("userName").GetString());
        Assert.Equal("E-42", body.GetProperty("attributes").GetProperty("employeeNumber").GetString());
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Renamed", (await JsonAsync(changed)).GetProperty("displayName").GetString());
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.True((await JsonAsync(disabled)).GetProperty("disabled").GetBoolean());
        Assert.Single((await JsonAsync(listed)).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        foreach (var type in new[] { AdminEventTypes.UserCreated, AdminEventTypes.UserChanged, AdminEventTypes.UserDisabled,
            AdminEventTypes.UserDeleted })
        {
            Assert.Contains(await factory.AuditEventsOfTypeAsync(type), e => e.Actor == "application:api-admin");
        }
    }

    [SkippableFact]
    public async Task LiftResetSuspension_NotSuspendedThenSuspended_ConflictThenLiftedAuditedWithTheApplication()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var id = await database.Users.Where(user => user.UserName == "yann").Select(user => user.Id).SingleAsync();

        using var notSuspended = await admin.PostAsync($"{Path}/{id}/lift-reset-suspension", null);
        await database.Users.Where(user => user.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(user => user.SmsResetSuspendedAt, DateTime.UtcNow));
        using var lifted = await admin.PostAsync($"{Path}/{id}/lift-reset-suspension", null);
        using var unknown = await admin.PostAsync($"{Path}/no-such-user/lift-reset-suspension", null);

        Assert.Equal(HttpStatusCode.Conflict, notSuspended.StatusCode);
        Assert.Equal("not-suspended", (await JsonAsync(notSuspended)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Null(await database.Users.Where(user => user.Id == id).Select(user => user.SmsResetSuspendedAt).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Single(await factory.AuditEventsOfTypeAsync(Core.Audit.AuditEventTypes.PasswordResetSuspensionLifted),
            e => e.Actor == "application:api-admin" && e.SubjectUserId == id);
    }

    [SkippableFact]
    public async Task BadInput_ProblemDetailsNameEachField()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");

        using var refused = await admin.PostAsJsonAsync(Path, new { phoneNumber = "not a phone", policy = "No such policy" });
        using var badRole = await admin.PostAsJsonAsync(Path, new { userName = "x-role", roles = new[] { "superuser" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await ProblemAsync(refused);
        Assert.Equal("validation-failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("policy", out _));
        Assert.True((await ProblemAsync(badRole)).GetProperty("errors").TryGetProperty("roles", out _));
    }

    [SkippableFact]
    public async Task List_CursorPaging_EveryUserOnceInNameOrder()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        for (var index = 0; index < 5; index++)
        {
            using var made = await admin.PostAsJsonAsync(Path, new { userName = $"paged-{index}" });
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        }

        var names = new List<string>();
        string? next = Path + "?search=paged-&limit=2";
        var pages = 0;
        while (next is not null && pages++ < 10)
        {
            var page = await JsonAsync(await admin.GetAsync(next));
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("userName").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }

        Assert.Equal(["paged-0", "paged-1", "paged-2", "paged-3", "paged-4"], names);
        Assert.Equal(3, pages);
    }

    [SkippableFact]
    public async Task List_ScimFilter_AnsweredByTheDatabaseAcrossPages_ABadOneRefused()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        foreach (var name in new[] { "filtered-a", "filtered-b", "filtered-c", "unfiltered-d" })
        {
            using var made = await admin.PostAsJsonAsync(Path, new { userName = name, email = $"{name}@example.com" });
        }

        var exact = await JsonAsync(await admin.GetAsync(Path + "?filter=" + Uri.EscapeDataString("userName eq \"filtered-b\"")));
        var first = await JsonAsync(await admin.GetAsync(Path + "?limit=1&filter="
            + Uri.EscapeDataString("userName sw \"filtered-\" and not (userName eq \"filtered-a\")")));
        var second = await JsonAsync(await admin.GetAsync(first.GetProperty("next").GetString()!));
        using var bad = await admin.GetAsync(Path + "?filter=" + Uri.EscapeDataString("userName eq"));

        Assert.Equal(["filtered-b"], exact.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("userName").GetString()));
        Assert.Equal(["filtered-b"], first.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("userName").GetString()));
        Assert.Equal(["filtered-c"], second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("userName").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("invalid-filter", (await JsonAsync(bad)).GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task UserActions_TemporaryPasswordOnceRequiredActionsSessionsEnded()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-admin", "idp:admin");
        using var browser = await factory.CreateSignedInBrowserAsync("frank");
        var frank = JsonDocument.Parse(await admin.GetStringAsync(Path + "?search=frank")).RootElement.GetProperty("items")[0];
        var id = frank.GetProperty("id").GetString();

        var sessions = JsonDocument.Parse(await admin.GetStringAsync($"{Path}/{id}/sessions")).RootElement.GetProperty("items");
        using var ended = await admin.DeleteAsync($"{Path}/{id}/sessions");
        var afterwards = await browser.OpenAsync("/account/manage");
        using var actions = await admin.PutAsJsonAsync($"{Path}/{id}/required-actions", new { requiredActions = new[] { "verify-phone" } });
        using var unknownAction = await admin.PutAsJsonAsync($"{Path}/{id}/required-actions", new { requiredActions = new[] { "dance" } });
        using var temporary = await admin.PostAsJsonAsync($"{Path}/{id}/temporary-password", new { });
        var password = JsonDocument.Parse(await temporary.Content.ReadAsStringAsync()).RootElement.GetProperty("password").GetString();
        using var passkeys = await admin.PostAsync($"{Path}/{id}/remove-passkeys", null);
        using var nobodysPasskeys = await admin.PostAsync($"{Path}/no-such-user/remove-passkeys", null);

        Assert.Single(sessions.EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, passkeys.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobodysPasskeys.StatusCode);
        Assert.Contains(await factory.AuditEventsOfTypeAsync(Core.Administration.AdminEventTypes.UserPasskeysRemoved),
            e => e.Actor == "application:api-admin");
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal("/account/login", afterwards.Path);
        Assert.Equal(HttpStatusCode.OK, actions.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownAction.StatusCode);
        Assert.False(string.IsNullOrEmpty(password));
        Assert.True(temporary.Headers.CacheControl?.NoStore);
        var events = await factory.AuditEventsOfAsync("frank");
        Assert.DoesNotContain(events, e => (e.Details ?? "").Contains(password!));
    }

    [SkippableFact]
    public async Task OpenApiDescription_EveryUserOperationWithTheBearerScheme()
    {
        using var http = OidcClients.Backchannel(factory);

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/users", out var users));
        Assert.True(users.TryGetProperty("get", out _) && users.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/users/{id}/disable", out _));
        Assert.False(paths.TryGetProperty("/connect/token", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer")
            .GetProperty("scheme").GetString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string uri, string ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static Task<JsonElement> ProblemAsync(HttpResponseMessage response) => JsonAsync(response);
}

public sealed class UserApiTestsOnSqlite(SqliteIdpFactory factory) : UserApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class UserApiTestsOnPostgreSql(PostgreSqlIdpFactory factory) : UserApiTests(factory), IClassFixture<PostgreSqlIdpFactory>;
