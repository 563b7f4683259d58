using Hangfire;
using Hangfire.Storage;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Registers every <see cref="RecurringJobSchedule"/> after the server has started, retrying until each is in. Hangfire
/// registers under a lock in the job storage; an instance that was killed while holding it (a crash, an OOM kill, a
/// node lost) leaves the lock behind until it expires. Registering in the start path would then fail the start itself,
/// and a restarting instance would crash-loop until the lock expired. The job's previous registration keeps running
/// meanwhile.
/// </summary>
internal sealed partial class RecurringJobSchedules(
    IEnumerable<RecurringJobSchedule> schedules, IRecurringJobManager recurringJobs, IServiceProvider services,
    ILogger<RecurringJobSchedules> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var pending = schedules.ToList();
        while (pending.Count > 0 && !stoppingToken.IsCancellationRequested)
        {
            foreach (var schedule in pending.ToList())
            {
                try
                {
                    schedule.Register(recurringJobs, services);
                    pending.Remove(schedule);
                }
                catch (DistributedLockTimeoutException)
                {
                    NotRegisteredYet(schedule.Id, RetryAfter.TotalSeconds);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(9002, LogLevel.Warning, "The recurring job {JobId} is not registered yet: its lock in the job storage is " +
        "held (by a running instance, or one that died holding it); trying again in {Seconds} s")]
    private partial void NotRegisteredYet(string jobId, double seconds);
}

/// <summary>One recurring job that <see cref="RecurringJobSchedules"/> (re)registers after start: its id, and the call that
/// registers it.</summary>
public sealed record RecurringJobSchedule(string Id, Action<IRecurringJobManager, IServiceProvider> Register);
