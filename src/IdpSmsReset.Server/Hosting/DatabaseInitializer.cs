using IdpSmsReset.Core.Bootstrap;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Applies pending migrations, then the bootstrap file. Runs as a hosted service so that it completes before
/// Kestrel accepts requests, also under WebApplicationFactory (which never runs code after Build()).
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services, DatabaseMigration migration, BootstrapSource bootstrap, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migration.EnsureMigratedAsync();
        if (bootstrap.Loaded is not var (path, document))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BootstrapApplier>().ApplyAsync(document, cancellationToken);
        logger.LogInformation(
            "Applied bootstrap file {Path}: {Applications} applications, {Users} users",
            path, document.Applications.Count, document.Users.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
