using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdpSmsReset.Core.Passkeys;

/// <summary>
/// Whether the login page offers "Sign in with a passkey": some policy allows passwordless sign-in. The page is shown
/// before anyone is known, and it is a hot path: the answer is kept until the policies change (on any instance).
/// </summary>
public sealed class PasswordlessAvailability(IServiceScopeFactory scopes, ChangeStamps stamps)
{
    private (bool Available, long Policies)? _cached;

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        var policies = await stamps.CurrentAsync(ChangeAreas.Policies, cancellationToken);
        if (_cached is { } cached && cached.Policies == policies)
        {
            return cached.Available;
        }

        await using var scope = scopes.CreateAsyncScope();
        var available = await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<Policies.SecurityPolicy>()
            .AnyAsync(policy => policy.Mfa.Passwordless && policy.Mfa.PasskeyEnabled, cancellationToken);
        _cached = (available, policies);
        return available;
    }
}
