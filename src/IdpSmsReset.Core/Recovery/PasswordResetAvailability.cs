using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Whether "Forgot password?" can lead anywhere: the SMS factor is configured and some policy allows SMS reset. The
/// login page asks on every view, so the answer is kept for a few seconds; saving the SMS factor or a policy on this
/// instance forgets it at once, and other instances follow within <see cref="Lifetime"/>.
/// </summary>
public sealed class PasswordResetAvailability(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private (bool Available, DateTimeOffset Until)? _cached;

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Until > time.GetUtcNow())
        {
            return cached.Available;
        }

        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        var available = settings is { IsConfigured: true }
            && await database.Set<Policies.SecurityPolicy>().AnyAsync(policy => policy.PasswordReset.SmsEnabled && policy.Mfa.SmsEnabled, cancellationToken);
        _cached = (available, time.GetUtcNow() + Lifetime);
        return available;
    }

    public void Forget() => _cached = null;
}
