using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Applies pending migrations (if nothing did before), then the bootstrap file. A hosted service, so that it
/// completes before Kestrel accepts requests.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services, DatabaseMigration migration, BootstrapSource bootstrap, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migration.EnsureMigratedAsync();
        await using var scope = services.CreateAsyncScope();
        if (bootstrap.Loaded is not var (path, document))
        {
            await scope.ServiceProvider.GetRequiredService<SecurityPolicyService>().EnsureDefaultAsync(cancellationToken);
            return;
        }

        await scope.ServiceProvider.GetRequiredService<BootstrapApplier>().ApplyAsync(document, cancellationToken);
        logger.LogInformation(
            "Applied bootstrap file {Path}: {Applications} applications, {Users} users",
            path, document.Applications.Count, document.Users.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
