using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// The one owner of webhook subscriptions: the bootstrap, the dashboard and the management API save, test and resend
/// through it. Each command is one unit of work with its audit row, and moves the webhooks stamp so every instance's
/// <see cref="WebhookDirectory"/> follows.
/// </summary>
public sealed class WebhookSubscriptions(
    IdpDbContext database, WebhookSecrets secrets, AdminChangeLog log,
    Hangfire.IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider time)
{
    public Task<List<WebhookSubscription>> ListAsync(CancellationToken cancellationToken) =>
        database.Set<WebhookSubscription>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    public Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public Task<WebhookSubscription?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        database.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);

    /// <summary>The subscription's latest deliveries, newest first.</summary>
    public Task<List<WebhookDelivery>> DeliveriesAsync(Guid subscriptionId, int take, CancellationToken cancellationToken) =>
        database.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId).OrderByDescending(d => d.Id)
            .Take(take).ToListAsync(cancellationToken);

    /// <summary>The subscriptions the server turned off by itself, for the overview.</summary>
    public Task<List<WebhookSubscription>> TurnedOffAsync(CancellationToken cancellationToken) =>
        database.Set<WebhookSubscription>().AsNoTracking().Where(s => !s.Enabled && s.DisabledReason != null).OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Creates the subscription named in <paramref name="definition"/>, or overwrites the one by that name (or with
    /// <paramref name="id"/>). Without a secret, a new subscription gets one (answered once) and an existing one keeps
    /// its own. Turning a subscription on forgets its failures.
    /// </summary>
    public Task<WebhookSaved> SaveAsync(WebhookDefinition definition, Administrator who, CancellationToken cancellationToken,
        Guid? id = null)
    {
        var problems = WebhookRules.Validate(definition, options.Value.AllowPrivateNetworks == true).ToList();
        if (problems.Count > 0)
        {
            return Task.FromResult(new WebhookSaved(CommandResult.Refused(problems), null));
        }

        var name = definition.Name!.Trim();
        var given = string.IsNullOrWhiteSpace(definition.Secret) ? null : definition.Secret.Trim();
        // Protected before the transaction: the first secret ever protected writes a Data Protection key on its own
        // connection, and SQLite's one writer would be this transaction.
        var made = given is null ? WebhookSecrets.Generate() : null;
        var protectedSecret = secrets.Protect(given ?? made!);
        return database.InTransactionAsync(async () =>
        {
            var subscription = id is { } known
                ? await database.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == known, cancellationToken)
                : await database.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
            if (id is not null && subscription is null)
            {
                return new WebhookSaved(CommandResult.Refused("id", "There is no such webhook subscription."), null);
            }

            if (await database.Set<WebhookSubscription>().AnyAsync(s => s.Name == name && s.Id != (subscription == null ? Guid.Empty
                    : subscription.Id), cancellationToken))
            {
                return new WebhookSaved(CommandResult.Refused("name", $"Another subscription is named '{name}'."), null);
            }

            var before = subscription is null ? null : WebhookSnapshot.Of(subscription);
            var now = time.GetUtcNow().UtcDateTime;
            var created = subscription is null;
            subscription ??= database.Add(new WebhookSubscription { CreatedAt = now }).Entity;
            var secretReplaced = created || (given is not null && given != secrets.Unprotect(subscription.ProtectedSecret));
            if (secretReplaced)
            {
                subscription.ProtectedSecret = protectedSecret;
            }

            subscription.Name = name;
            subscription.Url = definition.Url!.Trim();
            subscription.Events = string.Join(' ', definition.Events!.Select(e => e.Trim()).Distinct(StringComparer.Ordinal));
            subscription.IncludePersonalData = definition.IncludePersonalData;
            if (definition.Enabled && !subscription.Enabled)
            {
                subscription.FailingSince = null;
                subscription.DisabledReason = null;
            }

            subscription.Enabled = definition.Enabled;
            var after = WebhookSnapshot.Of(subscription) with { SecretReplaced = secretReplaced && !created };
            if (before == after)
            {
                return new WebhookSaved(CommandResult.Done(subscription.Id.ToString()), null);
            }

            subscription.ChangedAt = now;
            await database.SaveChangesAsync(cancellationToken);
            await log.WriteAsync(who, created ? AdminEventTypes.WebhookCreated : AdminEventTypes.WebhookChanged, null, before, after,
                cancellationToken);
            return new WebhookSaved(CommandResult.Done(subscription.Id.ToString()), created ? made : null);
        }, saved => saved.Result.Succeeded, cancellationToken);
    }

    /// <summary>A new secret, answered once; the old one stops signing at once.</summary>
    public async Task<WebhookSaved> RotateSecretAsync(Guid id, Administrator who, CancellationToken cancellationToken)
    {
        var made = WebhookSecrets.Generate();
        var protectedSecret = secrets.Protect(made);
        return await database.InTransactionAsync(async () =>
        {
            var subscription = await database.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (subscription is null)
            {
                return new WebhookSaved(CommandResult.Refused("id", "There is no such webhook subscription."), null);
            }

            subscription.ProtectedSecret = protectedSecret;
            subscription.ChangedAt = time.GetUtcNow().UtcDateTime;
            await database.SaveChangesAsync(cancellationToken);
            var snapshot = WebhookSnapshot.Of(subscription);
            await log.WriteAsync(who, AdminEventTypes.WebhookChanged, null, snapshot, snapshot with { SecretReplaced = true },
                cancellationToken);
            return new WebhookSaved(CommandResult.Done(id.ToString()), made);
        }, saved => saved.Result.Succeeded, cancellationToken);
    }

    public Task<CommandResult> DeleteAsync(Guid id, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var subscription = await database.Set<WebhookSubscription>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (subscription is null)
            {
                return CommandResult.Refused("id", "There is no such webhook subscription.");
            }

            database.Remove(subscription);
            await database.SaveChangesAsync(cancellationToken);
            await log.WriteAsync(who, AdminEventTypes.WebhookDeleted, null, WebhookSnapshot.Of(subscription), null, cancellationToken);
            return CommandResult.Done(id.ToString());
        }, result => result.Succeeded, cancellationToken);

    /// <summary>Sends <c>webhook.test</c> to this subscription alone, whatever it listens to.</summary>
    public Task<CommandResult> SendTestAsync(Guid id, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var subscription = await database.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id,
                cancellationToken);
            if (subscription is null)
            {
                return CommandResult.Refused("id", "There is no such webhook subscription.");
            }

            if (!subscription.Enabled)
            {
                return CommandResult.Refused("enabled", "Turn the subscription on before sending it a test event.");
            }

            await log.WriteAsync(who, AdminEventTypes.WebhookTested, null, null, new { subscription.Name }, cancellationToken);
            var tested = database.ChangeTracker.Entries<AuditEvent>().Select(entry => entry.Entity)
                .Last(e => e.Type == AdminEventTypes.WebhookTested);
            var delivery = database.Add(WebhookDeliveryJob.NewDelivery(id, tested, time.GetUtcNow().UtcDateTime)).Entity;
            await database.SaveChangesAsync(cancellationToken);
            database.AfterCommit(() => WebhookDeliveryJob.Enqueue(jobs, delivery.Id));
            return CommandResult.Done(delivery.Id.ToString());
        }, result => result.Succeeded, cancellationToken);

    /// <summary>Sends an ended delivery again, with the same <c>webhook-id</c>, after the subject's pending ones.</summary>
    public Task<CommandResult> RedeliverAsync(Guid subscriptionId, long deliveryId, Administrator who,
        CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var moved = await database.Set<WebhookDelivery>()
                .Where(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId && d.Status != WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending)
                    .SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now)
                    .SetProperty(d => d.ClaimedAt, (DateTime?)null).SetProperty(d => d.CompletedAt, (DateTime?)null), cancellationToken);
            if (moved == 0)
            {
                return CommandResult.Refused("delivery", "There is no such delivery, or it is still being sent.");
            }

            await log.WriteAsync(who, AdminEventTypes.WebhookRedelivered, null, null, new { delivery = deliveryId }, cancellationToken);
            database.AfterCommit(() => WebhookDeliveryJob.Enqueue(jobs, deliveryId));
            return CommandResult.Done(deliveryId.ToString());
        }, result => result.Succeeded, cancellationToken);
}

/// <summary>A save's answer, and the secret the server made for it, to be shown once (null when none was made).</summary>
public sealed record WebhookSaved(CommandResult Result, string? NewSecret);

/// <summary>A subscription as the audit records it: never its secret, only whether it was replaced.</summary>
public sealed record WebhookSnapshot(string Name, string Url, string Events, bool IncludePersonalData, bool Enabled,
    bool SecretReplaced = false)
{
    public static WebhookSnapshot Of(WebhookSubscription subscription) => new(subscription.Name, subscription.Url, subscription.Events,
        subscription.IncludePersonalData, subscription.Enabled);
}
