using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;
using IdpSmsReset.Core.Users.ForeignPasswords;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Server.Hosting;

/// <summary>Makes the <see cref="PasswordHashUpgrades"/> offered, for the life of the process, each in a scope of its own.</summary>
internal sealed class PasswordHashUpgradeWorker(PasswordHashUpgrades upgrades, IServiceScopeFactory scopes,
    IPasswordHasher<ApplicationUser> hasher) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var upgrade in upgrades.PendingAsync(stoppingToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                await upgrades.ApplyAsync(scope.ServiceProvider.GetRequiredService<IdpDbContext>(), hasher, upgrade, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is upgraded at those users' next sign-in.
        }
    }
}
