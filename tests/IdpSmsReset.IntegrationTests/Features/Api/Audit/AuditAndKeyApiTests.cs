using System.Net;
using System.Text.Json;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.IntegrationTests.Infrastructure;

namespace IdpSmsReset.IntegrationTests.Features.Api.Audit;

/// <summary>The audit log and the token keys through the API: what a SIEM collector and a key-rotation job use.</summary>
public abstract class AuditAndKeyApiTests(IdpFactory factory)
{
    [SkippableFact]
    public async Task Audit_FilteredNewestFirst_CursorReachesOlder_ExportStreamsJsonLines()
    {
        using var reader = await ApiClients.WithScopeAsync(factory, "api-audit-reader", "idp:admin:read");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var browser = factory.CreateBrowser();
            var login = await browser.OpenAsync("/account/login");
            await browser.SubmitAsync(login, new Dictionary<string, string> { ["Input.UserName"] = "grace", ["Input.Password"] = "wrong" });
        }

        var first = JsonDocument.Parse(await reader.GetStringAsync("/api/v1/audit?type=sign-in.failed&user=grace&limit=2")).RootElement;
        var next = first.GetProperty("next").GetString()!;
        var second = JsonDocument.Parse(await reader.GetStringAsync(next)).RootElement;
        var export = await reader.GetStringAsync("/api/v1/audit/export?format=jsonl&type=sign-in.failed&user=grace");
        using var badType = await reader.GetAsync("/api/v1/audit?type=no.such-type");

        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.Equal("failure", item.GetProperty("outcome").GetString()));
        Assert.True(items[0].GetProperty("occurredAt").GetDateTime() >= items[2].GetProperty("occurredAt").GetDateTime());
        Assert.Equal(3, items.Select(item => item.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(3, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
    }

    [SkippableFact]
    public async Task Keys_ListedWithoutMaterial_RotatedByTheApi_Audited()
    {
        using var admin = await ApiClients.WithScopeAsync(factory, "api-keys", "idp:admin");

        var before = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/keys")).RootElement.GetProperty("items");
        using var rotated = await admin.PostAsync("/api/v1/keys/rotate", null);
        var after = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/keys")).RootElement.GetProperty("items");
        // A token signed by the new key is accepted at once (the API's validation follows the keys).
        using var signedByTheNewKey = await ApiClients.WithScopeAsync(factory, "api-keys-after-rotation", "idp:admin:read");
        using var answered = await signedByTheNewKey.GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.NoContent, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(after.GetArrayLength() > before.GetArrayLength());
        Assert.DoesNotContain("protectedCertificate", after.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await factory.AuditEventsOfTypeAsync(AdminEventTypes.TokenKeysRotated), e => e.Actor == "application:api-keys");
    }
}

public sealed class AuditAndKeyApiTestsOnSqlite(SqliteIdpFactory factory) : AuditAndKeyApiTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class AuditAndKeyApiTestsOnPostgreSql(PostgreSqlIdpFactory factory) : AuditAndKeyApiTests(factory),
    IClassFixture<PostgreSqlIdpFactory>;
