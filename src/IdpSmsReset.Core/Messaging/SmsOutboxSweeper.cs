using IdpSmsReset.Core.Telemetry;
using Hangfire;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// A recurring job that re-enqueues a queued message whose job never ran (the process died between writing the
/// message and enqueuing its job, or the job was lost). Dispatch is idempotent, so an extra job costs nothing.
/// </summary>
public sealed class SmsOutboxSweeper(IdpDbContext database, IBackgroundJobClient jobs, TimeProvider time, IdpMetrics metrics)
{
    public const string RecurringJobId = "sms-outbox-sweeper";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var overdue = now - Grace;
        var stuck = await database.Set<OutboundSms>()
            .Where(message => message.Status == OutboundSmsStatus.Queued && message.NextAttemptAt < overdue && message.ExpiresAt > now)
            .OrderBy(message => message.NextAttemptAt)
            .Select(message => message.Id)
            .Take(500)
            .ToListAsync(cancellationToken);

        foreach (var id in stuck)
        {
            SmsDispatchJob.Enqueue(jobs, id);
        }

        var depth = await database.Set<OutboundSms>()
            .Where(message => message.Status == OutboundSmsStatus.Queued || message.Status == OutboundSmsStatus.Sending)
            .GroupBy(message => message.Status).Select(group => new { group.Key, Count = group.LongCount() })
            .ToListAsync(cancellationToken);
        metrics.OutboxDepth(
            depth.SingleOrDefault(d => d.Key == OutboundSmsStatus.Queued)?.Count ?? 0,
            depth.SingleOrDefault(d => d.Key == OutboundSmsStatus.Sending)?.Count ?? 0);
    }
}
