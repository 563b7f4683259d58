using Hangfire;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// A recurring job that gives a job again to a pending delivery whose time passed <see cref="WebhookOptions.RecoverAfter"/>
/// ago: its instance died between the commit and the enqueue, or during an attempt. Only the first pending delivery of
/// each subscription and subject: the rest follow it. An attempt is claimed by one conditional update, so an extra
/// job costs nothing.
/// </summary>
public sealed class WebhookOutboxSweeper(IdpDbContext database, IBackgroundJobClient jobs, IOptions<WebhookOptions> options,
    TimeProvider time)
{
    public const string RecurringJobId = "webhook-outbox-sweeper";

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var overdue = time.GetUtcNow().UtcDateTime - options.Value.RecoverAfter;
        var stuck = await WebhookDeliveryJob.FirstInLine(database)
            .Where(d => d.NextAttemptAt < overdue && (d.ClaimedAt == null || d.ClaimedAt < overdue))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var id in stuck)
        {
            WebhookDeliveryJob.Enqueue(jobs, id);
        }

        return stuck.Count;
    }
}
