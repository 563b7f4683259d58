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
    private readonly StampedCache<IReadOnlyList<Subscriber>> _enabled = new(stamps, ChangeAreas.Webhooks);

    public ValueTask<IReadOnlyList<Subscriber>> EnabledAsync(CancellationToken cancellationToken) =>
        _enabled.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var rows = await database.Set<WebhookSubscription>().AsNoTracking().Where(subscription => subscription.Enabled)
                .Select(subscription => new { subscription.Id, subscription.Events }).ToListAsync(token);
            return rows.Select(row => new Subscriber(row.Id, EventFilter.Parse(row.Events))).ToArray();
        }, cancellationToken);

    public sealed record Subscriber(Guid Id, EventFilter Filter);
}
