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
    private (bool Available, long Policies, long SmsFactor)? _cached;

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        var policies = await stamps.CurrentAsync(ChangeAreas.Policies, cancellationToken);
        var smsFactor = await stamps.CurrentAsync(ChangeAreas.SmsFactor, cancellationToken);
        if (_cached is { } cached && cached.Policies == policies && cached.SmsFactor == smsFactor)
        {
            return cached.Available;
        }

        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        var available = settings is { IsConfigured: true }
            && await database.Set<Policies.SecurityPolicy>().AnyAsync(policy => policy.PasswordReset.SmsEnabled && policy.Mfa.SmsEnabled,
                cancellationToken);
        _cached = (available, policies, smsFactor);
        return available;
    }
}
