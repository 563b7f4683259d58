using Hangfire;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Users;

/// <summary>
/// Delivers one Logout Token: a form POST of <c>logout_token</c> to the application's back-channel logout URI. Any 2xx
/// is delivered; anything else, or no answer within the timeout, is retried after the next of
/// <see cref="BackchannelLogoutOptions.Delays"/>, then given up. Each attempt is recorded on the delivery. The job's only
/// argument is the delivery id; the token is made at each attempt and never stored.
/// </summary>
public sealed class BackchannelLogoutJob(
    IdpDbContext database, ILogoutTokens logoutTokens, HttpClient http, IBackgroundJobClient jobs,
    IOptions<BackchannelLogoutOptions> options, TimeProvider time, IdpMetrics metrics, ILogger<BackchannelLogoutJob> logger)
{
    public static void Enqueue(IBackgroundJobClient jobs, Guid deliveryId) =>
        jobs.Enqueue<BackchannelLogoutJob>(job => job.RunAsync(deliveryId, CancellationToken.None));

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await database.Set<BackchannelLogoutDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId,
            cancellationToken);
        if (delivery is not { Status: BackchannelLogoutStatus.Pending })
        {
            return;
        }

        // Claims this attempt: a second run of the same job finds the count moved and does nothing.
        var attempt = delivery.Attempts + 1;
        var pending = database.Set<BackchannelLogoutDelivery>().Where(d => d.Id == deliveryId
            && d.Status == BackchannelLogoutStatus.Pending);
        if (await pending.Where(d => d.Attempts == delivery.Attempts)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Attempts, attempt), cancellationToken) == 0)
        {
            return;
        }

        var error = await PostAsync(delivery, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (error is null)
        {
            await pending.ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, BackchannelLogoutStatus.Delivered)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.CompletedAt, now), CancellationToken.None);
            logger.BackchannelLogoutDelivered(delivery.ClientId, attempt);
            metrics.BackchannelLogout("delivered");
            return;
        }

        var delays = options.Value.Delays;
        if (attempt > delays.Count)
        {
            await pending.ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, BackchannelLogoutStatus.Failed)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.CompletedAt, now), CancellationToken.None);
            logger.BackchannelLogoutGivenUp(delivery.ClientId, attempt, error);
            metrics.BackchannelLogout("given_up");
            return;
        }

        await pending.ExecuteUpdateAsync(set => set.SetProperty(d => d.LastError, error), CancellationToken.None);
        jobs.Schedule<BackchannelLogoutJob>(job => job.RunAsync(deliveryId, CancellationToken.None), delays[attempt - 1]);
        logger.BackchannelLogoutRetrying(delivery.ClientId, attempt, error, delays[attempt - 1]);
        metrics.BackchannelLogout("retrying");
    }

    /// <summary>Null when the application accepted the token; otherwise why not (no URI content, no token: safe to record).</summary>
    private async Task<string?> PostAsync(BackchannelLogoutDelivery delivery, CancellationToken cancellationToken)
    {
        var token = logoutTokens.Create(delivery.ClientId, delivery.UserId, delivery.SessionId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.PostAsync(delivery.Uri,
                new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", token)]), timeout.Token);
            return response.IsSuccessStatusCode ? null : $"The application answered {(int)response.StatusCode}.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"The application did not answer within {options.Value.Timeout.TotalSeconds:0.#} s.";
        }
        catch (HttpRequestException exception)
        {
            return $"The application could not be reached ({exception.HttpRequestError}).";
        }
    }
}

public enum BackchannelLogoutStatus
{
    /// <summary>Not yet accepted by the application; another attempt is due.</summary>
    Pending,

    /// <summary>The application answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; the application was not told.</summary>
    Failed,
}
