using IdpSmsReset.Core.Telemetry;
using Hangfire;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// A recurring job that hands to a new job a message whose instance went away: queued but its job never ran (the
/// process died between writing the message and enqueuing its job, or the job died with the instance that fetched
/// it), or claimed for sending by an instance that never said how it went. Waiting <see cref="SmsOptions.RecoverAfter"/>
/// first. Dispatch is idempotent (a claim is one conditional update), so an extra job costs nothing.
/// </summary>
public sealed class SmsOutboxSweeper(
    IdpDbContext database, SmsOutbox outbox, IBackgroundJobClient jobs, IOptions<SmsOptions> options, TimeProvider time, IdpMetrics metrics)
{
    public const string RecurringJobId = "sms-outbox-sweeper";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var overdue = now - options.Value.RecoverAfter;
        var stuck = await database.Set<OutboundSms>()
            .Where(message => message.ExpiresAt > now && message.TwilioSid == null
                && ((message.Status == OutboundSmsStatus.Queued && message.NextAttemptAt < overdue)
                    || (message.Status == OutboundSmsStatus.Sending && message.ClaimedAt < overdue)))
            .OrderBy(message => message.NextAttemptAt)
            .Select(message => message.Id)
            .Take(500)
            .ToListAsync(cancellationToken);

        foreach (var id in stuck)
        {
            SmsDispatchJob.Enqueue(jobs, id);
        }

        await outbox.ExpireHeldAsync(now, cancellationToken);

        var depth = await database.Set<OutboundSms>()
            .Where(message => message.Status == OutboundSmsStatus.Queued || message.Status == OutboundSmsStatus.Sending)
            .GroupBy(message => message.Status).Select(group => new { group.Key, Count = group.LongCount() })
            .ToListAsync(cancellationToken);
        metrics.OutboxDepth(
            depth.SingleOrDefault(d => d.Key == OutboundSmsStatus.Queued)?.Count ?? 0,
            depth.SingleOrDefault(d => d.Key == OutboundSmsStatus.Sending)?.Count ?? 0);
    }
}
