using Hangfire;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Events;

/// <summary>
/// Posts one delivery: the CloudEvent signed as Standard Webhooks says. Any 2xx is delivered; anything else (a
/// redirect included: none is followed), or no answer within the timeout, is retried after the next of
/// <see cref="WebhookOptions.Delays"/> with the same <c>webhook-id</c>, then failed. A delivery waits while an earlier
/// one for the same subscription and subject is pending, and hands over to the next when it ends, so a receiver sees
/// a subject's events in order. A subscription failing for <see cref="WebhookOptions.DisableAfter"/> is turned off.
/// The job's only argument is the delivery's id; the body is made at each attempt and never stored.
/// </summary>
public sealed class WebhookDeliveryJob(
    IdpDbContext database, WebhookPayloads payloads, WebhookSecrets secrets, HttpClient http, IBackgroundJobClient jobs,
    AuditLog audit, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliveryJob> logger)
{
    public const string Queue = "webhooks";

    public const int KeptResponseLength = 1024;

    public static void Enqueue(IBackgroundJobClient jobs, long deliveryId) =>
        jobs.Enqueue<WebhookDeliveryJob>(Queue, job => job.RunAsync(deliveryId, CancellationToken.None));

    public static WebhookDelivery NewDelivery(Guid subscriptionId, AuditEvent audit, DateTime now) => new()
    {
        SubscriptionId = subscriptionId, AuditEventId = audit.Id, EventType = EventCatalogue.TypeOf(audit.Type),
        SubjectKey = audit.SubjectUserId ?? "", CreatedAt = now, NextAttemptAt = now,
    };

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await database.Set<WebhookDelivery>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is not { Status: WebhookDeliveryStatus.Pending } || await WaitsForEarlierAsync(delivery, cancellationToken))
        {
            return;
        }

        // Claims this attempt: a second job for the same delivery finds the count moved and does nothing.
        var attempt = delivery.Attempts + 1;
        var now = time.GetUtcNow().UtcDateTime;
        var pending = database.Set<WebhookDelivery>().Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending);
        if (await pending.Where(d => d.Attempts == delivery.Attempts)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.Attempts, attempt).SetProperty(d => d.ClaimedAt, now),
                    cancellationToken) == 0)
        {
            return;
        }

        var subscription = await database.Set<WebhookSubscription>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
        var auditEvent = await database.Set<AuditEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == delivery.AuditEventId,
            cancellationToken);
        var dropped = subscription is not { Enabled: true } ? "the subscription is turned off"
            : auditEvent is null ? "the event is no longer kept" : null;
        if (dropped is not null)
        {
            await EndAsync(pending, delivery, WebhookDeliveryStatus.Failed, null, $"Not sent: {dropped}.", null);
            logger.WebhookDropped(delivery.MessageId, dropped);
            return;
        }

        var host = new Uri(subscription!.Url).Host;
        var outcome = await PostAsync(subscription, delivery, auditEvent!, cancellationToken);
        if (outcome.Error is null)
        {
            await EndAsync(pending, delivery, WebhookDeliveryStatus.Delivered, outcome.StatusCode, null, outcome.Response);
            await database.Set<WebhookSubscription>().Where(s => s.Id == subscription.Id && s.FailingSince != null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.FailingSince, (DateTime?)null), CancellationToken.None);
            logger.WebhookDelivered(delivery.MessageId, delivery.EventType, host, attempt);
            return;
        }

        var delays = options.Value.Delays;
        if (attempt > delays.Count)
        {
            await EndAsync(pending, delivery, WebhookDeliveryStatus.Failed, outcome.StatusCode, outcome.Error, outcome.Response);
            logger.WebhookGivenUp(delivery.MessageId, delivery.EventType, host, attempt, outcome.Error);
        }
        else
        {
            var retryAt = time.GetUtcNow().UtcDateTime + delays[attempt - 1];
            await pending.ExecuteUpdateAsync(set => set
                .SetProperty(d => d.LastError, outcome.Error)
                .SetProperty(d => d.LastStatusCode, outcome.StatusCode)
                .SetProperty(d => d.LastResponse, outcome.Response)
                .SetProperty(d => d.NextAttemptAt, retryAt), CancellationToken.None);
            jobs.Schedule<WebhookDeliveryJob>(Queue, job => job.RunAsync(deliveryId, CancellationToken.None), delays[attempt - 1]);
            logger.WebhookRetrying(delivery.MessageId, delivery.EventType, host, attempt, outcome.Error, delays[attempt - 1]);
        }

        await RecordFailureAsync(subscription);
    }

    /// <summary>
    /// The pending deliveries whose turn it is: none earlier pending for the same subscription and subject. The one
    /// rule of the order, for the enqueue after a commit, the job and the sweeper.
    /// </summary>
    public static IQueryable<WebhookDelivery> FirstInLine(IdpDbContext database)
    {
        var deliveries = database.Set<WebhookDelivery>();
        return deliveries.AsNoTracking().Where(d => d.Status == WebhookDeliveryStatus.Pending
            && !deliveries.Any(earlier => earlier.SubscriptionId == d.SubscriptionId && earlier.SubjectKey == d.SubjectKey
                && earlier.Status == WebhookDeliveryStatus.Pending && earlier.Id < d.Id));
    }

    /// <summary>Of <paramref name="deliveryIds"/>, those whose turn it is.</summary>
    public static Task<List<long>> FirstInLineAsync(IdpDbContext database, IReadOnlyList<long> deliveryIds) =>
        FirstInLine(database).Where(d => deliveryIds.Contains(d.Id)).Select(d => d.Id).ToListAsync();

    /// <summary>An earlier delivery for the same subscription and subject is still pending: it hands over when it ends.</summary>
    private async Task<bool> WaitsForEarlierAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        !await FirstInLine(database).AnyAsync(d => d.Id == delivery.Id, cancellationToken);

    private async Task EndAsync(IQueryable<WebhookDelivery> pending, WebhookDelivery delivery, WebhookDeliveryStatus status,
        int? statusCode, string? error, string? response)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await pending.ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.LastStatusCode, statusCode)
            .SetProperty(d => d.LastError, error)
            .SetProperty(d => d.LastResponse, response)
            .SetProperty(d => d.CompletedAt, now), CancellationToken.None);
        var next = await FirstInLine(database)
            .Where(d => d.SubscriptionId == delivery.SubscriptionId && d.SubjectKey == delivery.SubjectKey)
            .Select(d => (long?)d.Id).FirstOrDefaultAsync(CancellationToken.None);
        if (next is { } nextId)
        {
            Enqueue(jobs, nextId);
        }
    }

    /// <summary>
    /// The first failure starts the clock; a receiver failing past <see cref="WebhookOptions.DisableAfter"/> is turned off.
    /// </summary>
    private async Task RecordFailureAsync(WebhookSubscription subscription)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var failingSince = subscription.FailingSince ?? now;
        if (subscription.FailingSince is null)
        {
            await database.Set<WebhookSubscription>().Where(s => s.Id == subscription.Id && s.FailingSince == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.FailingSince, now), CancellationToken.None);
        }

        if (now - failingSince < options.Value.DisableAfter)
        {
            return;
        }

        var reason = $"Turned off on {now:yyyy-MM-dd HH:mm} UTC: the receiver failed every attempt since " +
            $"{failingSince:yyyy-MM-dd HH:mm} UTC.";
        await database.InTransactionAsync(async () =>
        {
            var turnedOff = await database.Set<WebhookSubscription>().Where(s => s.Id == subscription.Id && s.Enabled)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Enabled, false).SetProperty(s => s.DisabledReason, reason),
                    CancellationToken.None);
            if (turnedOff == 0)
            {
                return false;
            }

            await audit.RaiseAsync(AuditEventTypes.WebhookDisabled, AuditActors.System, null, null,
                $"{subscription.Name}: {reason}", CancellationToken.None);
            return true;
        }, _ => true, CancellationToken.None);
        logger.WebhookSubscriptionDisabled(subscription.Name, failingSince);
    }

    private async Task<Attempt> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, AuditEvent auditEvent,
        CancellationToken cancellationToken)
    {
        var (body, contentType) = await payloads.BuildAsync(auditEvent, subscription.IncludePersonalData, cancellationToken);
        var messageId = $"msg_{delivery.MessageId:N}";
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature",
            WebhookSignature.Sign(secrets.KeyOfStored(subscription.ProtectedSecret), messageId, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var kept = await ReadStartAsync(response, timeout.Token);
            return response.IsSuccessStatusCode
                ? new Attempt(status, null, kept)
                : new Attempt(status, status is >= 300 and < 400
                    ? $"The receiver answered {status} (a redirect, which is not followed)."
                    : $"The receiver answered {status}.", kept);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(null, $"The receiver did not answer within {options.Value.Timeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException exception)
        {
            return new Attempt(null, exception.InnerException is HttpRequestException { Message: var inner }
                ? inner : $"The receiver could not be reached ({exception.HttpRequestError}): {Shorten(exception.Message)}", null);
        }
    }

    private static async Task<string?> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new char[KeptResponseLength];
            using var reader = new StreamReader(stream);
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private sealed record Attempt(int? StatusCode, string? Error, string? Response);
}

public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet: waiting its turn, its first attempt or a retry.</summary>
    Pending,

    Delivered,

    /// <summary>Every attempt failed, or the subscription went away: an administrator may send it again.</summary>
    Failed,
}
