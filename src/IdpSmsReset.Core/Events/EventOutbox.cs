using System.Runtime.CompilerServices;
using Hangfire;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// Every audit event saved is an event: this interceptor adds, to the same save, one <see cref="WebhookDelivery"/> per
/// enabled subscription that wants it, so the delivery commits or rolls back with the change it reports (the outbox).
/// Once the unit of work commits, each event is logged and counted (<see cref="AuditLog.Raise"/> is the one call per
/// event), the deliveries get their jobs and the events go to the audit stream. Should the
/// process die in between, <see cref="WebhookOutboxSweeper"/> finds the deliveries: nothing is lost.
/// </summary>
// The job client is asked for when first needed: the job storage is built after the database's migration, which
// opens a context that this interceptor is part of.
public sealed class EventOutbox(WebhookDirectory directory, IServiceProvider services, IAuditStream stream, TimeProvider time,
    Telemetry.IdpMetrics metrics, ILogger<EventOutbox> logger)
    : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, Staged> Saving = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await StageAsync(context, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            StageAsync(context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await ReleaseAsync(eventData.Context);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ReleaseAsync(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override void SaveChangesCanceled(DbContextEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask StageAsync(DbContext context, CancellationToken cancellationToken)
    {
        // A pooled context serves many requests: nothing from a save of another one may be released with this one.
        Forget(context);
        var added = AddedAuditEvents(context);
        if (added.Count == 0)
        {
            return;
        }

        var subscribers = await directory.EnabledAsync(cancellationToken);
        var deliveries = new List<WebhookDelivery>();
        var now = time.GetUtcNow().UtcDateTime;
        // A test event is addressed to one subscription by the command that sends it.
        foreach (var audit in added.Where(audit => audit.Type != AdminEventTypes.WebhookTested))
        {
            var eventType = EventCatalogue.TypeOf(audit.Type);
            deliveries.AddRange(subscribers.Where(subscriber => subscriber.Filter.Matches(eventType))
                .Select(subscriber => WebhookDeliveryJob.NewDelivery(subscriber.Id, audit, now)));
        }

        context.AddRange(deliveries);
        Saving.AddOrUpdate(context, new Staged(added, deliveries));
    }

    private Task ReleaseAsync(DbContext? context)
    {
        if (context is not IdpDbContext database || !Saving.TryGetValue(context, out var staged))
        {
            return Task.CompletedTask;
        }

        Saving.Remove(context);
        return database.AfterCommitAsync(async () =>
        {
            foreach (var raised in staged.Events)
            {
                var outcome = AuditEventCatalogue.OutcomeOf(raised.Type);
                metrics.EventRaised(raised.Type, outcome);
                logger.EventRaised(raised.Type, outcome, raised.Id, raised.Actor, raised.SubjectUserId);
            }

            stream.Publish(staged.Events);
            if (staged.Deliveries.Count == 0)
            {
                return;
            }

            try
            {
                // Only the first pending delivery of each subscription and subject gets a job now; each one that ends
                // hands over to the next (a burst to a slow receiver is a queue of rows, not of jobs).
                await using var scope = services.CreateAsyncScope();
                var heads = await WebhookDeliveryJob.FirstInLineAsync(scope.ServiceProvider.GetRequiredService<IdpDbContext>(),
                    [.. staged.Deliveries.Select(delivery => delivery.Id)]);
                var jobs = services.GetRequiredService<IBackgroundJobClient>();
                foreach (var id in heads)
                {
                    WebhookDeliveryJob.Enqueue(jobs, id);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The change is committed: the sweeper sends its deliveries, and the request that made it succeeds.
                logger.WebhookJobsNotEnqueued(exception.GetType().Name);
            }
        });
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Saving.Remove(context);
        }
    }

    // Audit events are always added explicitly, so they are found without a second scan of every tracked entity.
    private static List<AuditEvent> AddedAuditEvents(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. tracker.Entries<AuditEvent>().Where(entry => entry.State == EntityState.Added).Select(entry => entry.Entity)];
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private sealed record Staged(IReadOnlyList<AuditEvent> Events, IReadOnlyList<WebhookDelivery> Deliveries);
}
