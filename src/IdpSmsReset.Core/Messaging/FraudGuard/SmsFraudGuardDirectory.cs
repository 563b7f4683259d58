using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// What every message and every "Forgot password?" page asks of the guard, read once per change of its area: the
/// settings (the defaults while none were saved), and until when a surge mark lasts. A new surge mark moves the area's
/// stamp, so every instance asks for proof of work within <c>Idp:Cache:MaxAge</c>; a mark's end needs no read.
/// </summary>
public sealed class SmsFraudGuardDirectory(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private readonly StampedCache<SmsFraudGuardSettings> _settings = new(stamps, ChangeAreas.SmsFraudGuard);

    private readonly StampedCache<Suspicion> _suspicion = new(stamps, ChangeAreas.SmsFraudGuard);

    public ValueTask<SmsFraudGuardSettings> SettingsAsync(CancellationToken cancellationToken) =>
        _settings.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            return await database.Set<SmsFraudGuardSettings>().AsNoTracking().SingleOrDefaultAsync(token) ?? new SmsFraudGuardSettings();
        }, cancellationToken);

    /// <summary>Whether some country's surge mark lasts at <paramref name="now"/>.</summary>
    public async ValueTask<bool> SuspectedAsync(DateTime now, CancellationToken cancellationToken)
    {
        var suspicion = await _suspicion.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var until = await database.Set<SmsFraudAlert>().AsNoTracking().Where(alert => alert.Kind == SmsFraudAlert.Surge)
                .MaxAsync(alert => (DateTime?)alert.Until, token);
            return new Suspicion(until);
        }, cancellationToken);
        return suspicion.Until > now;
    }

    private sealed record Suspicion(DateTime? Until);
}
