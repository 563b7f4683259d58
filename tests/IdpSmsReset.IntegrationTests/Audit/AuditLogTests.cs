using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Audit;

/// <summary>
/// Raising an event is the one call: once its change commits it is also a log line and a count, and a change rolled
/// back leaves neither. What an operator's log and metrics see, never the event's details or the client's address.
/// </summary>
public sealed class AuditLogTests : IDisposable
{
    private readonly SqliteIdpFactory _factory = new();

    public AuditLogTests() => _factory.Settings["Logging:LogLevel:IdpSmsReset.Core.Events"] = "Information";

    [SkippableFact]
    public async Task Raise_ChangeCommitted_OneLineAndOneCountWithoutDetailsOrAddress()
    {
        using var measurements = new RecordedMeasurements(_factory);
        var subject = "raised-" + Guid.NewGuid().ToString("N")[..8];

        await RaiseInUnitAsync(subject, commits: true);

        var line = Assert.Single(_factory.Logs.Entries, entry => entry.EventId == 8000 && entry.AllText.Contains(subject));
        Assert.Contains(AuditEventTypes.SignInLockedOut, line.AllText);
        Assert.DoesNotContain("secret detail", line.AllText);
        Assert.DoesNotContain("198.51.100.23", line.AllText);
        Assert.Equal(1, measurements.Sum("idp.events", ("type", AuditEventTypes.SignInLockedOut), ("outcome", "failure")));
    }

    [SkippableFact]
    public async Task Raise_ChangeRolledBack_NeitherLoggedNorCounted()
    {
        using var measurements = new RecordedMeasurements(_factory);
        var subject = "rolled-back-" + Guid.NewGuid().ToString("N")[..8];

        await RaiseInUnitAsync(subject, commits: false);

        Assert.DoesNotContain(_factory.Logs.Entries, entry => entry.EventId == 8000 && entry.AllText.Contains(subject));
        Assert.Equal(0, measurements.Sum("idp.events", ("type", AuditEventTypes.SignInLockedOut)));
    }

    public void Dispose() => _factory.Dispose();

    private async Task RaiseInUnitAsync(string subject, bool commits)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await database.InTransactionAsync(async () =>
        {
            await audit.RaiseAsync(AuditEventTypes.SignInLockedOut, AuditActors.System, subject, "198.51.100.23", "secret detail",
                CancellationToken.None);
            return commits;
        }, committed => committed, CancellationToken.None);
    }
}
