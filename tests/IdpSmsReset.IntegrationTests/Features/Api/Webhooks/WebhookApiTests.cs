using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Webhooks;

/// <summary><c>/api/v1/webhooks</c>: subscriptions over HTTP; a secret the server makes is answered once, never again.</summary>
public abstract class WebhookApiTests(IdpFactory factory) : IDisposable
{
    private const string Path = "/api/v1/webhooks";

    private readonly WebhookReceiver _receiver = new();

    [SkippableFact]
    public async Task Webhook_CreatedWithoutASecret_SecretAnsweredOnce_TestEventVerifiesWithIt_DeliveriesListed()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-webhooks", "idp:admin");

        using var refused = await admin.PostAsJsonAsync(Path,
            new { name = "ticketing", url = "ftp://tickets.example", events = new[] { "user" } });
        using var created = await admin.PostAsJsonAsync(Path, new
        {
            name = "ticketing", url = _receiver.Url + "/hook", events = new[] { "user.phone-changed", "user.disabled" },
        });
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetString();
        var secret = body.GetProperty("secret").GetString()!;
        var shown = await admin.GetStringAsync($"{Path}/{id}");
        using var test = await admin.PostAsync($"{Path}/{id}/test", null);
        var post = (await _receiver.WaitForAsync(posts => posts.Count >= 1)).Single();
        await factory.WaitForEndedDeliveriesAsync(Guid.Parse(id!));
        var deliveries = JsonDocument.Parse(await admin.GetStringAsync($"{Path}/{id}/deliveries")).RootElement.GetProperty("items");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = await refused.Content.ReadAsStringAsync();
        Assert.Contains("url", problems);
        Assert.Contains("'user' names no event", problems);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", secret);
        Assert.DoesNotContain(secret, shown);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        Assert.True(post.VerifiesWith(secret, factory.Clock.GetUtcNow()));
        var delivery = Assert.Single(deliveries.EnumerateArray());
        Assert.Equal("delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(post.Header("webhook-id"), delivery.GetProperty("webhookId").GetString());
    }

    [SkippableFact]
    public async Task Webhook_ReplacedWithItsVersion_ThenDeleted_BothAudited()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-webhooks", "idp:admin");
        var name = "hr-" + Guid.NewGuid().ToString("N")[..6];
        using var created = await admin.PostAsJsonAsync(Path, new { name, url = _receiver.Url + "/hook", events = new[] { "user.*" } });
        var id = (await created.JsonAsync()).GetProperty("id").GetString();

        using var withoutVersion = await admin.PutAsJsonAsync($"{Path}/{id}",
            new { name, url = _receiver.Url + "/hr", events = new[] { "*" } });
        using var replaced = await admin.SendAsync(HttpMethod.Put, $"{Path}/{id}", created.Headers.ETag!,
            new { name, url = _receiver.Url + "/hr", events = new[] { "user.disabled" }, includePersonalData = true });
        var shown = await replaced.JsonAsync();
        using var deleted = await admin.DeleteAsync($"{Path}/{id}");
        using var gone = await admin.GetAsync($"{Path}/{id}");

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["user.disabled"], shown.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(shown.GetProperty("includePersonalData").GetBoolean());
        Assert.False(shown.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(await factory.AuditEventsOfTypeAsync(Core.Administration.AdminEventTypes.WebhookChanged),
            e => e.Actor == "application:api-webhooks" && e.Details!.Contains(name, StringComparison.Ordinal));
        Assert.Contains(await factory.AuditEventsOfTypeAsync(Core.Administration.AdminEventTypes.WebhookDeleted),
            e => e.Details!.Contains(name, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ReadOnlyToken_MayList_MayNotCreate()
    {
        using var reader = await ApiClients.WithScopeAsync(factory, "api-webhooks-reader", "idp:admin:read");

        using var list = await reader.GetAsync(Path);
        using var create = await reader.PostAsJsonAsync(Path, new { name = "x", url = _receiver.Url + "/hook", events = new[] { "*" } });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    public void Dispose()
    {
        _receiver.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class WebhookApiTestsOnSqlite(SqliteIdpFactory factory) : WebhookApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class WebhookApiTestsOnPostgreSql(PostgreSqlIdpFactory factory) : WebhookApiTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
