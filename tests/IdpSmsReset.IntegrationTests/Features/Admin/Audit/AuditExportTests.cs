using System.Net;
using System.Text.Json;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Features.Admin.Audit;

/// <summary>/admin/audit/export: a range of events, one per line, in JSON Lines or CSV, streamed.</summary>
public abstract class AuditExportTests(IdpFactory factory)
{
    private const string ExportType = AuditEventTypes.PasswordChanged;

    [SkippableFact]
    public async Task JsonLines_ForOneDay_ExactlyThatDaysEventsOldestFirstWithTheSchema()
    {
        var day = await SeedAroundADayAsync(daysAgo: 20, actor: "export-json");
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var response = await admin.Client.GetAsync($"/admin/audit/export?format=jsonl&from={day}&to={day}&actor=export-json");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(
            ["id", "occurredAt", "type", "outcome", "actor", "subjectUserId", "subjectUserName", "clientId", "ipAddress", "userAgent",
                "details"],
            first.EnumerateObject().Select(property => property.Name));
        Assert.Equal($"{day}T00:00:00.000Z", first.GetProperty("occurredAt").GetString());
        Assert.Equal("success", first.GetProperty("outcome").GetString());
        Assert.Equal("alice", first.GetProperty("subjectUserName").GetString());
        Assert.Equal("web", first.GetProperty("clientId").GetString());
        Assert.Equal($"{day}T23:59:59.000Z", JsonDocument.Parse(lines[1]).RootElement.GetProperty("occurredAt").GetString());
    }

    [SkippableFact]
    public async Task Csv_QuotesCellsAndDisarmsFormulas()
    {
        var day = await SeedAroundADayAsync(daysAgo: 30, actor: "export-csv");
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);

        var response = await admin.Client.GetAsync($"/admin/audit/export?format=csv&from={day}&to={day}&actor=export-csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("id,occurredAt,type,outcome,actor,subjectUserId,subjectUserName,clientId,ipAddress,userAgent,details", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://evil.example\"\", \"\"click\"\")\"", lines[1]);
    }

    [SkippableFact]
    public async Task BadFilterOrNotAnAdministrator_Refused()
    {
        using var admin = await factory.CreateSignedInBrowserAsync(TestBootstrap.AdminUserName);
        using var user = await factory.CreateSignedInBrowserAsync("bob");

        var badFormat = await admin.Client.GetAsync("/admin/audit/export?format=xml");
        var badType = await admin.Client.GetAsync("/admin/audit/export?format=csv&type=no.such-type");
        var badDate = await admin.Client.GetAsync("/admin/audit/export?format=csv&from=yesterday");
        var notAdmin = await user.Client.GetAsync("/admin/audit/export?format=csv");

        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("format must be jsonl or csv.", await badFormat.Content.ReadAsStringAsync());
        Assert.Contains("'no.such-type' is no event type", await badType.Content.ReadAsStringAsync());
        Assert.Contains("'yesterday' is not a date like 2026-11-25; the from filter cannot be used.",
            await badDate.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, notAdmin.StatusCode);
        Assert.DoesNotContain("occurredAt", await notAdmin.Content.ReadAsStringAsync());
    }

    private async Task<string> SeedAroundADayAsync(int daysAgo, string actor)
    {
        var day = factory.Clock.GetUtcNow().UtcDateTime.Date.AddDays(-daysAgo);
        await using var scope = factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var alice = await database.Users.Where(user => user.UserName == "alice").Select(user => user.Id).SingleAsync();
        foreach (var at in new[] { day.AddSeconds(-1), day, day.AddDays(1).AddSeconds(-1), day.AddDays(1) })
        {
            database.Add(new AuditEvent
            {
                Id = Guid.NewGuid(), OccurredAt = at, Type = ExportType, Actor = actor, SubjectUserId = alice, ClientId = "web",
                IpAddress = "203.0.113.9", UserAgent = "Firefox", Details = "=HYPERLINK(\"http://evil.example\", \"click\")",
            });
        }

        await database.SaveChangesAsync();
        return day.ToString("yyyy-MM-dd");
    }

}

public sealed class AuditExportTestsOnSqlite(SqliteIdpFactory factory) : AuditExportTests(factory), IClassFixture<SqliteIdpFactory>;

public sealed class AuditExportTestsOnPostgreSql(PostgreSqlIdpFactory factory)
    : AuditExportTests(factory), IClassFixture<PostgreSqlIdpFactory>;
