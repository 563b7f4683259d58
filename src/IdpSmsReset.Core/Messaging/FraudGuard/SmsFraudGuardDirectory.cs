using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>The guard's settings, read once per change (every message asks); the defaults while none were saved.</summary>
public sealed class SmsFraudGuardDirectory(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private readonly StampedCache<SmsFraudGuardSettings> _cache = new(stamps, ChangeAreas.SmsFraudGuard);

    public ValueTask<SmsFraudGuardSettings> SettingsAsync(CancellationToken cancellationToken) =>
        _cache.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            return await database.Set<SmsFraudGuardSettings>().AsNoTracking().SingleOrDefaultAsync(token) ?? new SmsFraudGuardSettings();
        }, cancellationToken);
}
