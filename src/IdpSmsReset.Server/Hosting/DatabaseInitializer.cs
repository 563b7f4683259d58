using System.Data.Common;
using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Applies pending migrations, then the bootstrap file. Runs as a hosted service so that it completes before
/// Kestrel accepts requests, also under WebApplicationFactory (which never runs code after Build()).
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services, IdpDatabase database, BootstrapSource bootstrap, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<IdpDbContext>(), cancellationToken);

        if (bootstrap.Loaded is not var (path, document))
        {
            return;
        }

        await scope.ServiceProvider.GetRequiredService<BootstrapApplier>().ApplyAsync(document, cancellationToken);
        logger.LogInformation(
            "Applied bootstrap file {Path}: {Applications} applications, {Users} users",
            path, document.Applications.Count, document.Users.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(IdpDbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbException || exception.InnerException is DbException)
        {
            // The retrying strategies wrap the provider's exception; its own message says what went wrong.
            var cause = exception as DbException ?? (DbException)exception.InnerException!;
            throw new DatabaseUnavailableException(
                $"ConnectionStrings:Idp: the {database.Provider} database (Database:Provider) cannot be used: {cause.Message}", exception);
        }
    }
}
