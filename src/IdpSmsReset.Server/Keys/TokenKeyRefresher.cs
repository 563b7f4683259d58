using IdpSmsReset.Core.Keys;
using IdpSmsReset.Server.Hosting;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Keys;

/// <summary>
/// Loads the token keys before the server takes requests (after the migrations), then keeps them current: a quick
/// check every second (the change stamp, a key's time to take over) and a full pass, which also creates a key that is
/// due, every <see cref="TokenKeyOptions.RefreshEvery"/>.
/// </summary>
internal sealed class TokenKeyRefresher(TokenKeyCredentials credentials, IOptions<TokenKeyOptions> options, TimeProvider time,
    ILogger<TokenKeyRefresher> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await credentials.ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastFullPass = time.GetUtcNow();
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await ticks.NextAsync(stoppingToken))
        {
            try
            {
                if (time.GetUtcNow() - lastFullPass >= options.Value.RefreshEvery || await credentials.IsStaleAsync(stoppingToken))
                {
                    lastFullPass = time.GetUtcNow();
                    await credentials.ReloadAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The keys held stay in use; the next tick tries again.
                logger.LogWarning(exception, "The token keys could not be reloaded");
            }
        }
    }
}
