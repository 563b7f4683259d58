using System.Text.Json;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Audit;

/// <summary>The audit stream a log shipper forwards to a SIEM: each committed event, one JSON line in the export's schema.</summary>
public sealed class AuditStreamTests : IDisposable
{
    private readonly SqliteIdpFactory _factory = new();

    private string StreamFile => Path.Combine(_factory.DataDirectory, "audit-stream.jsonl");

    public AuditStreamTests()
    {
        _factory.Settings["Idp:Audit:Stream"] = "File";
        _factory.Settings["Idp:Audit:StreamPath"] = StreamFile;
    }

    [SkippableFact]
    public async Task FailedSignIn_OneLineInTheExportsSchema_AndNothingForAChangeRolledBack()
    {
        await _factory.FailSignInAsync("alice");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<Core.Persistence.IdpDbContext>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await Core.Persistence.UnitOfWork.InTransactionAsync(database, async () =>
            {
                await audit.RaiseAsync(AuditEventTypes.PasswordChanged, "alice", null, null, "never committed", CancellationToken.None);
                return false;
            }, committed => committed, CancellationToken.None);
        }

        var lines = File.ReadAllLines(StreamFile);
        var alice = (await _factory.AuditEventsOfAsync("alice")).Single(e => e.Type == AuditEventTypes.SignInFailed);
        var line = JsonDocument.Parse(Assert.Single(lines, l => l.Contains(alice.Id.ToString(), StringComparison.Ordinal))).RootElement;

        Assert.Equal(["id", "occurredAt", "type", "outcome", "actor", "subjectUserId", "subjectUserName", "clientId", "ipAddress",
            "userAgent", "details"], line.EnumerateObject().Select(property => property.Name));
        Assert.Equal("sign-in.failed", line.GetProperty("type").GetString());
        Assert.Equal("failure", line.GetProperty("outcome").GetString());
        Assert.Equal(alice.SubjectUserId, line.GetProperty("subjectUserId").GetString());
        Assert.DoesNotContain(lines, l => l.Contains("never committed", StringComparison.Ordinal));
    }

    public void Dispose() => _factory.Dispose();
}
