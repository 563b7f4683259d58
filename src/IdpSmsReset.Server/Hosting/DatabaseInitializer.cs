using IdpSmsReset.Core.Bootstrap;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Applies pending migrations, then the bootstrap file. Runs as a hosted service so that it completes before
/// Kestrel accepts requests, also under WebApplicationFactory (which never runs code after Build()).
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<IdpOptions> idpOptions,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public const string DemoBootstrapFile = "bootstrap.demo.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        await database.Database.MigrateAsync(cancellationToken);

        var path = BootstrapPath();
        if (path is null)
        {
            return;
        }

        var document = BootstrapReader.ReadFile(path);
        await scope.ServiceProvider.GetRequiredService<BootstrapApplier>().ApplyAsync(document, cancellationToken);
        logger.LogInformation(
            "Applied bootstrap file {Path}: {Applications} applications, {Users} users",
            path, document.Applications.Count, document.Users.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string? BootstrapPath()
    {
        var configured = idpOptions.Value.Bootstrap.Path;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, environment.ContentRootPath);
        }

        return environment.IsDevelopment() ? Path.Combine(environment.ContentRootPath, DemoBootstrapFile) : null;
    }
}
