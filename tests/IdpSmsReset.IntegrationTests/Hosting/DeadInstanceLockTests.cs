using Hangfire;
using Hangfire.Storage;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.IntegrationTests.Hosting;

/// <summary>
/// An instance killed while it held one of Hangfire's locks (a crash, an OOM kill, a lost node) leaves the lock in the
/// shared database. The instances that start after it must still start, and the work behind the lock must resume.
/// </summary>
public sealed class DeadInstanceLockTests
{
    [SkippableFact]
    public async Task Start_WhileADeadInstanceHoldsTheSweepersLock_IsReadyAndRegistersTheSweeperWithinAMinuteOfTheLock()
    {
        using var first = new PostgreSqlIdpFactory { KeepData = true };
        var storage = first.Services.GetRequiredService<JobStorage>();
        await WaitUntilAsync(() => IsRegistered(storage), TimeSpan.FromSeconds(20));
        first.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(SmsOutboxSweeper.RecurringJobId);
        // Taken and never given back, as by a process killed while holding it.
        using var deadInstance = storage.GetConnection();
        _ = deadInstance.AcquireDistributedLock($"lock:recurring-job:{SmsOutboxSweeper.RecurringJobId}", TimeSpan.FromSeconds(5));
        first.Dispose();

        using var second = first.Restart();
        using var client = second.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.False(IsRegistered(storage));

        // The lock is now 58 s old: a lock held that long counts as left behind by a dead instance.
        await using (var scope = second.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Database.ExecuteSqlRawAsync(
                "UPDATE hangfire.lock SET acquired = acquired - interval '58 seconds' WHERE resource LIKE '%recurring-job%'");
        }

        await WaitUntilAsync(() => IsRegistered(storage), TimeSpan.FromSeconds(20));
        Assert.True(IsRegistered(storage), "The outbox sweeper was not registered after its dead lock expired.");
    }

    private static bool IsRegistered(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Any(job => job.Id == SmsOutboxSweeper.RecurringJobId && !job.Removed);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }
}
