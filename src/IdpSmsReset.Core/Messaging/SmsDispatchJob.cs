using Hangfire;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Telemetry;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// Sends one outbox message. Idempotent: it claims the message with a conditional update, so two runs of the same
/// job (Hangfire runs a job at least once) send once; a message with a Twilio SID is never sent again. Retries are
/// its own, scheduled only while the message has not expired: Hangfire's default retries would outlive a code.
/// </summary>
public sealed class SmsDispatchJob(
    IdpDbContext database,
    SmsOutbox outbox,
    SmsProtection protection,
    ISmsChannel channel,
    SmsAccountBreakers breakers,
    IBackgroundJobClient jobs,
    IOptions<SmsOptions> options,
    IOptions<SmsBreakerOptions> breakerOptions,
    TimeProvider time,
    IdpMetrics metrics,
    Audit.AuditLog audit,
    ILogger<SmsDispatchJob> logger)
{
    public const string Queue = "sms";

    public static void Enqueue(IBackgroundJobClient jobs, Guid messageId) =>
        jobs.Enqueue<SmsDispatchJob>(Queue, job => job.RunAsync(messageId, CancellationToken.None));

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid outboundSmsId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await outbox.ExpireAsync(outboundSmsId, now, cancellationToken))
        {
            logger.SmsExpiredBeforeSending(outboundSmsId);
            return;
        }

        var before = await database.Set<OutboundSms>().AsNoTracking().Where(m => m.Id == outboundSmsId)
            .Select(m => new { m.Account, m.ErrorClass, m.Status, m.TwilioSid }).SingleOrDefaultAsync(cancellationToken);
        // An attempt that claimed the message and never said how it went, or that timed out, may have reached the
        // provider: that is asked before sending again, of the same account.
        var mayHaveGone = before is { TwilioSid: null }
            && (before.Status == OutboundSmsStatus.Sending || before.ErrorClass == SmsErrorClasses.Unreachable);
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        var hasSecondary = settings?.HasUsableSecondary == true;
        // Only with somewhere else to go does the primary's breaker matter (and cost a read).
        var primaryOpen = hasSecondary && SmsAccountBreakers.IsOpen(await database.Set<SmsAccountHealth>().AsNoTracking()
            .SingleOrDefaultAsync(h => h.Account == SmsAccountNames.Primary, cancellationToken), now, breakerOptions.Value.BreakDuration);
        var account = SmsAccountChoice.For(before?.Account, before?.ErrorClass, mayHaveGone, primaryOpen, hasSecondary);
        if (!await outbox.ClaimAsync(outboundSmsId, now, now - options.Value.RecoverAfter, account, cancellationToken))
        {
            // Sent, failed, expired, or being sent by another run: nothing to do.
            return;
        }

        await NoteFailoverAsync(outboundSmsId, before?.Account, account, primaryOpen, now, cancellationToken);
        var message = await database.Set<OutboundSms>().AsNoTracking().SingleAsync(m => m.Id == outboundSmsId, cancellationToken);
        var result = await SendAsync(message, settings, account, mayHaveGone, cancellationToken);
        await RecordAsync(message, result, cancellationToken);
    }

    /// <summary>A message leaving the account it would have used: counted, logged, audited, and shown on the dashboard.</summary>
    private async Task NoteFailoverAsync(Guid messageId, string? lastAccount, string account, bool primaryOpen, DateTime now,
        CancellationToken cancellationToken)
    {
        var from = lastAccount is not null && lastAccount != account ? lastAccount
            : lastAccount is null && account == SmsAccountNames.Secondary ? SmsAccountNames.Primary
            : null;
        if (from is null)
        {
            return;
        }

        metrics.SmsFailover(account);
        var why = primaryOpen && from == SmsAccountNames.Primary
            ? "the primary's circuit breaker is open"
            : $"the {from} account failed it";
        logger.SmsFailedOver(messageId, account, why);
        // The message's id only: its number and text are not for the audit log.
        await audit.RaiseAsync(Audit.AuditEventTypes.SmsFailover, Audit.AuditActors.System, null, null,
            $"SMS {messageId} goes through the {account} account: {why}.", cancellationToken);
        await database.UpdateOrCreateAsync(
            () => database.Set<SmsAccountHealth>().Where(h => h.Account == from)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.LastFailoverAt, now), cancellationToken),
            new SmsAccountHealth { Account = from, LastFailoverAt = now }, cancellationToken);
    }

    private async Task<SmsSendResult> SendAsync(OutboundSms message, SmsFactorSettings? settings, string accountName, bool mayHaveGone,
        CancellationToken cancellationToken)
    {
        if (settings is null || !settings.IsConfigured)
        {
            return new SmsSendResult.Transient("The SMS factor is not configured.", SmsErrorClasses.NotConfigured);
        }

        var stored = settings.Account(accountName)!;
        string body;
        SmsAccount account;
        try
        {
            body = protection.Body.Unprotect(message.ProtectedBody);
            account = stored.WithToken(protection.AuthToken.Unprotect(stored.ProtectedAuthToken));
        }
        catch (CryptographicException)
        {
            return new SmsSendResult.Permanent("The message or the auth token cannot be decrypted (Data Protection keys changed).",
                SmsErrorClasses.NotConfigured);
        }

        var callback = options.Value.StatusCallbackUrl ?? throw new InvalidOperationException("SmsOptions.StatusCallbackUrl is not set.");
        var toSend = new SmsToSend(message.Destination, body, callback);
        if (mayHaveGone && await channel.FindAcceptedAsync(account, toSend, message.CreatedAt, cancellationToken) is { } providerId)
        {
            logger.SmsFoundAlreadySent(message.Id, providerId);
            return new SmsSendResult.Accepted(providerId, OutboundSmsStatus.Sent);
        }

        var started = time.GetTimestamp();
        // With one account a breaker would only hold codes back: it guards the way to the other account, nothing more.
        var result = settings.HasUsableSecondary
            ? await breakers.SendAsync(accountName, token => channel.SendAsync(account, toSend, token), cancellationToken)
            : await channel.SendAsync(account, toSend, cancellationToken);
        metrics.TwilioAnswered(time.GetElapsedTime(started), result switch
        {
            SmsSendResult.Accepted => "accepted",
            SmsSendResult.Permanent => "refused",
            _ => "transient",
        });
        return result;
    }

    private async Task RecordAsync(OutboundSms message, SmsSendResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
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
                await outbox.AcceptAsync(message.Id, accepted.Status, accepted.ProviderId, now);
                metrics.Sms(message.Purpose, "sent", errorClass: null);
                metrics.SmsAccepted(message.Purpose, now - message.CreatedAt);
                logger.SmsAccepted(message.Id, message.Purpose, accepted.ProviderId);
                break;

            case SmsSendResult.Permanent permanent:
                await outbox.FailAsync(message.Id, permanent.Reason, permanent.ErrorClass, now);
                metrics.Sms(message.Purpose, "failed", permanent.ErrorClass);
                logger.SmsFailed(message.Id, message.Purpose, permanent.Reason);
                break;

            case SmsSendResult.Transient transient:
                await ScheduleRetryAsync(message, transient, now);
                break;
        }
    }

    private async Task ScheduleRetryAsync(OutboundSms message, SmsSendResult.Transient transient, DateTime now)
    {
        var backoff = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(message.Attempts, 10) - 1));
        var delay = transient.RetryAfter ?? (backoff < options.Value.MaxRetryDelay ? backoff : options.Value.MaxRetryDelay);
        var next = now + delay;
        if (next >= message.ExpiresAt)
        {
            await outbox.GiveUpAsync(message.Id, transient.Reason, transient.ErrorClass, now);
            metrics.Sms(message.Purpose, "expired", transient.ErrorClass);
            logger.SmsExpiredWhileRetrying(message.Id, message.Purpose, transient.Reason);
            return;
        }

        await outbox.RetryLaterAsync(message.Id, transient.Reason, transient.ErrorClass, next, now);
        metrics.Sms(message.Purpose, "retrying", transient.ErrorClass);
        jobs.Schedule<SmsDispatchJob>(Queue, job => job.RunAsync(message.Id, CancellationToken.None), delay);
        logger.SmsRetryScheduled(message.Id, message.Purpose, delay, transient.Reason);
    }
}

public abstract record SmsSendResult
{
    /// <summary>The provider accepted the message.</summary>
    public sealed record Accepted(string ProviderId, OutboundSmsStatus Status) : SmsSendResult;

    /// <summary>
    /// Worth trying again later (throttled, provider error, timeout); <see cref="RetryAfter"/> when the provider said.
    /// <see cref="ErrorClass"/> is one of <see cref="SmsErrorClasses"/>.
    /// </summary>
    public sealed record Transient(string Reason, string ErrorClass, TimeSpan? RetryAfter = null) : SmsSendResult;

    /// <summary>Will fail the same way every time (invalid number, unsubscribed, region not permitted...).</summary>
    public sealed record Permanent(string Reason, string ErrorClass) : SmsSendResult;
}

public sealed record SmsToSend(string Destination, string Body, Uri StatusCallback);
