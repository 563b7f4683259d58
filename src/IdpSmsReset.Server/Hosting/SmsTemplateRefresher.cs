using IdpSmsReset.Core.Messaging.Templates;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Server.Hosting;

/// <summary>
/// Reloads the SMS templates when they change on any instance (their change stamp), checked every
/// <c>Idp:Cache:MaxAge</c>: a template saved on one instance is used by all within that.
/// </summary>
internal sealed class SmsTemplateRefresher(IServiceScopeFactory scopes, ChangeStamps stamps, SmsTemplateCatalog catalog,
    ILogger<SmsTemplateRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(stamps.MaxAge);
        while (await timer.NextAsync(stoppingToken))
        {
            try
            {
                var current = await stamps.CurrentAsync(ChangeAreas.SmsTemplates, stoppingToken);
                if (current != seen)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await catalog.LoadAsync(scope.ServiceProvider.GetRequiredService<IdpDbContext>(), stoppingToken);
                    seen = current;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The next tick tries again; the templates in memory stay as they were.
                logger.LogWarning("SMS templates not reloaded: {Error}", exception.GetType().Name);
            }
        }
    }
}
