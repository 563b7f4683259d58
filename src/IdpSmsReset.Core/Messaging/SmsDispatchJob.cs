using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using Hangfire;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// Sends one outbox message. Idempotent: it claims the message with a conditional update, so two runs of the same
/// job (Hangfire runs a job at least once) send once; a message with a Twilio SID is never sent again. Retries are
/// its own, scheduled only while the message has not expired: Hangfire's default retries would outlive a code.
/// </summary>
public sealed class SmsDispatchJob(
    IdpDbContext database,
    SmsProtection protection,
    ISmsChannel channel,
    IBackgroundJobClient jobs,
    IOptions<SmsOptions> options,
    TimeProvider time,
    ILogger<SmsDispatchJob> logger)
{
    public const string Queue = "sms";

    public static void Enqueue(IBackgroundJobClient jobs, Guid messageId) =>
        jobs.Enqueue<SmsDispatchJob>(Queue, job => job.RunAsync(messageId, CancellationToken.None));

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid outboundSmsId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var messages = database.Set<OutboundSms>().Where(message => message.Id == outboundSmsId);

        if (await messages.Where(message => message.Status == OutboundSmsStatus.Queued && message.ExpiresAt <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboundSmsStatus.Expired).SetProperty(m => m.UpdatedAt, now), cancellationToken) > 0)
        {
            logger.LogInformation("SMS {MessageId} expired before it could be sent", outboundSmsId);
            return;
        }

        var abandoned = now - options.Value.AbandonedClaimAfter;
        var claimed = await messages
            .Where(message => message.ExpiresAt > now && message.TwilioSid == null
                && (message.Status == OutboundSmsStatus.Queued || (message.Status == OutboundSmsStatus.Sending && message.ClaimedAt < abandoned)))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsStatus.Sending)
                .SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            // Sent, failed, expired, or being sent by another run: nothing to do.
            return;
        }

        var message = await messages.AsNoTracking().SingleAsync(cancellationToken);
        var result = await SendAsync(message, cancellationToken);
        await RecordAsync(message, result, cancellationToken);
    }

    private async Task<SmsSendResult> SendAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        if (settings is null || !settings.IsConfigured)
        {
            return new SmsSendResult.Transient("The SMS factor is not configured.");
        }

        string body;
        string token;
        try
        {
            body = protection.Body.Unprotect(message.ProtectedBody);
            token = protection.AuthToken.Unprotect(settings.ProtectedAuthToken);
        }
        catch (CryptographicException)
        {
            return new SmsSendResult.Permanent("The message or the auth token cannot be decrypted (Data Protection keys changed).");
        }

        var account = new SmsAccount(settings.AccountSid, token, settings.From, settings.MessagingServiceSid);
        var callback = options.Value.StatusCallbackUrl ?? throw new InvalidOperationException("SmsOptions.StatusCallbackUrl is not set.");
        return await channel.SendAsync(account, new SmsToSend(message.Destination, body, callback), cancellationToken);
    }

    private async Task RecordAsync(OutboundSms message, SmsSendResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claim = database.Set<OutboundSms>().Where(m => m.Id == message.Id && m.Status == OutboundSmsStatus.Sending);
        // The provider's words may quote the full number; only the encrypted body may hold it.
        result = result switch
        {
            SmsSendResult.Permanent permanent => permanent with { Reason = PhoneNumberRules.MaskNumbersIn(permanent.Reason) },
            SmsSendResult.Transient transient => transient with { Reason = PhoneNumberRules.MaskNumbersIn(transient.Reason) },
            _ => result,
        };
        switch (result)
        {
            case SmsSendResult.Accepted accepted:
                // CancellationToken.None: Twilio has the message; its SID must be recorded even during shutdown.
                await claim.ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, accepted.Status < OutboundSmsStatus.Sent ? OutboundSmsStatus.Sent : accepted.Status)
                    .SetProperty(m => m.TwilioSid, accepted.ProviderId)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.UpdatedAt, now), CancellationToken.None);
                logger.LogInformation("SMS {MessageId} ({Purpose}) accepted by the provider as {ProviderId}", message.Id, message.Purpose, accepted.ProviderId);
                break;

            case SmsSendResult.Permanent permanent:
                await GiveUpAsync(claim, OutboundSmsStatus.Failed, permanent.Reason, now);
                logger.LogWarning("SMS {MessageId} ({Purpose}) failed: {Reason}", message.Id, message.Purpose, permanent.Reason);
                break;

            case SmsSendResult.Transient transient:
                await ScheduleRetryAsync(message, transient, claim, now);
                break;
        }
    }

    private async Task ScheduleRetryAsync(OutboundSms message, SmsSendResult.Transient transient, IQueryable<OutboundSms> claim, DateTime now)
    {
        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(message.Attempts, 10) - 1));
        var delay = transient.RetryAfter ?? (backoff < options.Value.MaxRetryDelay ? backoff : options.Value.MaxRetryDelay);
        var next = now + delay;
        if (next >= message.ExpiresAt)
        {
            await GiveUpAsync(claim, OutboundSmsStatus.Expired, transient.Reason, now);
            logger.LogWarning("SMS {MessageId} ({Purpose}) expired while retrying: {Reason}", message.Id, message.Purpose, transient.Reason);
            return;
        }

        await claim.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboundSmsStatus.Queued)
            .SetProperty(m => m.LastError, transient.Reason)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.ClaimedAt, (DateTime?)null)
            .SetProperty(m => m.UpdatedAt, now), CancellationToken.None);
        jobs.Schedule<SmsDispatchJob>(Queue, job => job.RunAsync(message.Id, CancellationToken.None), delay);
        logger.LogInformation("SMS {MessageId} ({Purpose}) will be retried in {Delay}: {Reason}", message.Id, message.Purpose, delay, transient.Reason);
    }

    /// <summary>Ends the claimed attempt in a final state with its reason; never cancelled, the outcome must be kept.</summary>
    private static Task GiveUpAsync(IQueryable<OutboundSms> claim, OutboundSmsStatus status, string reason, DateTime now) =>
        claim.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.LastError, reason)
            .SetProperty(m => m.UpdatedAt, now), CancellationToken.None);
}
