using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Whether "Forgot password?" can lead anywhere: the SMS factor is configured and some policy allows SMS reset. The
/// login page asks on every view, so the answer is kept until the policies or the SMS factor change
/// (<see cref="ChangeStamps"/>, on any instance).
/// </summary>
public sealed class PasswordResetAvailability(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private readonly StampedCache<bool> _available = new(stamps, ChangeAreas.Policies, ChangeAreas.SmsFactor);

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        await _available.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
            var settings = await database.SmsFactorSettingsAsync(token);
            return settings is { IsConfigured: true }
                && await database.Set<Policies.SecurityPolicy>().AnyAsync(Policies.SecurityPolicy.OffersSmsResetRule, token);
        }, cancellationToken);
}
