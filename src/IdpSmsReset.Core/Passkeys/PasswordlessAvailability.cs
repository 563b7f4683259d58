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
    private readonly StampedCache<bool> _available = new(stamps, ChangeAreas.Policies);

    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken) =>
        await _available.GetAsync(async token =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IdpDbContext>().Set<Policies.SecurityPolicy>()
                .AnyAsync(policy => policy.Mfa.Passwordless && policy.Mfa.PasskeyEnabled, token);
        }, cancellationToken);
}
