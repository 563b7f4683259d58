using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Bootstrap;
using Microsoft.Extensions.Options;
using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Policies;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Applies pending migrations (if nothing did before), then the bootstrap file. A hosted service, so that it
/// completes before Kestrel accepts requests.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services, DatabaseMigration migration, BootstrapSource bootstrap, IOptions<IdpOptions> options,
    IHostEnvironment environment, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migration.EnsureMigratedAsync();
        await using var scope = services.CreateAsyncScope();
        if (bootstrap.Loaded is not var (path, document))
        {
            await scope.ServiceProvider.GetRequiredService<SecurityPolicyService>().EnsureDefaultAsync(cancellationToken);
        }
        else
        {
            await scope.ServiceProvider.GetRequiredService<BootstrapApplier>().ApplyAsync(document, cancellationToken);
            logger.LogInformation(
                "Applied bootstrap file {Path}: {Applications} applications, {Users} users",
                path, document.Applications.Count, document.Users.Count);
        }

        // After the bootstrap, which may itself name administrators.
        var firstAdministrator = options.Value.BootstrapAdmin;
        await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().EnsureAsync(firstAdministrator.UserName,
            firstAdministrator.Password, explainWhenMissing: !environment.IsDevelopment(), cancellationToken);

        // After the bootstrap: the SMS texts read the templates it wrote.
        await services.GetRequiredService<SmsTemplateCatalog>().LoadAsync(
            scope.ServiceProvider.GetRequiredService<IdpSmsReset.Core.Persistence.IdpDbContext>(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
