using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// The enabled subscriptions and what each wants, read once per change of the webhooks area
/// (<see cref="ChangeStamps"/>): every audit event asks it, so a sign-in with no subscriber pays a dictionary look-up.
/// </summary>
public sealed class WebhookDirectory(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private volatile Snapshot? _snapshot;

    public async ValueTask<IReadOnlyList<Subscriber>> EnabledAsync(CancellationToken cancellationToken)
    {
        var version = await stamps.CurrentAsync(ChangeAreas.Webhooks, cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is not null && snapshot.Version == version)
        {
            return snapshot.Subscribers;
        }

        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var rows = await database.Set<WebhookSubscription>().AsNoTracking().Where(subscription => subscription.Enabled)
            .Select(subscription => new { subscription.Id, subscription.Events }).ToListAsync(cancellationToken);
        var subscribers = rows.Select(row => new Subscriber(row.Id, EventFilter.Parse(row.Events))).ToArray();
        _snapshot = new Snapshot(version, subscribers);
        return subscribers;
    }

    public sealed record Subscriber(Guid Id, EventFilter Filter);

    private sealed record Snapshot(long Version, IReadOnlyList<Subscriber> Subscribers);
}
