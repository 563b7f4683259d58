using Hangfire;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Problems;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The only way to send an SMS: the message is written (body encrypted), then a dispatch job is enqueued with its id.
/// Should the process die between the two, <see cref="SmsOutboxSweeper"/> enqueues the job later: nothing is lost.
/// The outbox is also the one owner of a message's status: every move is one of its methods, one conditional update
/// built from <see cref="OutboundSmsTransitions"/>, returning whether the message moved.
/// </summary>
public sealed class SmsOutbox(IdpDbContext database, SmsProtection protection, IBackgroundJobClient jobs, TimeProvider time,
    Audit.AuditLog audit, FraudGuard.SmsFraudGuard guard, LimitGates gates, FraudGuard.SmsFraudGuardDirectory guardSettings,
    ILogger<SmsOutbox> logger)
{
    public async Task<SmsEnqueueResult> EnqueueAsync(string destination, string purpose, string body, TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        var result = await QueueAsync(destination, purpose, body, lifetime, cancellationToken);
        Dispatch(result);
        return result;
    }

    /// <summary>
    /// Writes the message without sending it yet: the caller <see cref="Dispatch"/>es it once what the message's
    /// recipient will act on is saved (a reset code's hash must be on its flow before the code can arrive). Should the
    /// caller never get that far, the sweeper sends it a minute later: nothing is lost.
    /// </summary>
    public async Task<SmsEnqueueResult> QueueAsync(string destination, string purpose, string body, TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        var result = await WriteAsync(destination, purpose, body, lifetime, cancellationToken);
        if (result.Problem is { } problem)
        {
            logger.SmsRefused(purpose, problem.English);
        }

        return result;
    }

    /// <summary>Hands a queued message to its dispatch job (a held one waits for an administrator).</summary>
    public void Dispatch(SmsEnqueueResult queued)
    {
        if (queued is { MessageId: { } messageId, Held: false })
        {
            SmsDispatchJob.Enqueue(jobs, messageId);
        }
    }

    private async Task<SmsEnqueueResult> WriteAsync(string destination, string purpose, string body, TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        if (!PhoneNumberRules.TryNormalize(destination, out var e164, out var country, out var problem))
        {
            return SmsEnqueueResult.Refused(problem!);
        }

        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        if (settings is null || !settings.IsConfigured)
        {
            return SmsEnqueueResult.Refused(PhoneProblems.SmsNotConfigured);
        }

        if (!settings.AllowsCountry(country))
        {
            return SmsEnqueueResult.Refused(PhoneProblems.CountryNotAllowed(country));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboundSms
        {
            Id = Guid.NewGuid(),
            Destination = e164,
            Country = country,
            Purpose = purpose,
            ProtectedBody = protection.Body.Protect(body),
            CreatedAt = now,
            UpdatedAt = now,
            NextAttemptAt = now,
            ExpiresAt = now + lifetime,
        };
        return await guard.AdmitAsync(message, cancellationToken);
    }

    /// <summary>A queued message past its lifetime is not sent.</summary>
    public async Task<bool> ExpireAsync(Guid messageId, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(messageId, OutboundSmsTransition.Expire)
            .Where(message => message.ExpiresAt <= now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Expire))
                .SetProperty(m => m.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>
    /// A dispatch run takes the message for <paramref name="account"/>, unless it is sent, final, expired, or being sent by
    /// a live run: the claim names the account, so a message is sent by one account at a time.
    /// </summary>
    public async Task<bool> ClaimAsync(Guid messageId, DateTime now, DateTime abandonedBefore, string account,
        CancellationToken cancellationToken) =>
        await Allowing(messageId, OutboundSmsTransition.Claim)
            .Where(message => message.ExpiresAt > now && message.TwilioSid == null
                && (message.Status == OutboundSmsStatus.Queued || message.ClaimedAt < abandonedBefore))
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Claim))
                .SetProperty(m => m.ClaimedAt, now)
                .SetProperty(m => m.Account, account)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken) == 1;

    // The outcomes of a claimed attempt are never cancelled: the provider has acted, so what it said must be kept.

    public async Task<bool> AcceptAsync(Guid messageId, OutboundSmsStatus reported, string providerId, DateTime now) =>
        await Allowing(messageId, OutboundSmsTransition.Accept)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Accept, reported))
                .SetProperty(m => m.TwilioSid, providerId)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ErrorClass, (string?)null)
                .SetProperty(m => m.UpdatedAt, now), CancellationToken.None) == 1;

    public Task<bool> FailAsync(Guid messageId, string reason, string errorClass, DateTime now) =>
        EndAttemptAsync(messageId, OutboundSmsTransition.Fail, reason, errorClass, now);

    /// <summary>A passing failure whose next attempt would come too late for the message.</summary>
    public Task<bool> GiveUpAsync(Guid messageId, string reason, string errorClass, DateTime now) =>
        EndAttemptAsync(messageId, OutboundSmsTransition.GiveUp, reason, errorClass, now);

    /// <summary>A passing failure: queued again, due at <paramref name="nextAttemptAt"/> (the caller schedules the job).</summary>
    public async Task<bool> RetryLaterAsync(Guid messageId, string reason, string errorClass, DateTime nextAttemptAt, DateTime now) =>
        await Allowing(messageId, OutboundSmsTransition.RetryLater)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.RetryLater))
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ErrorClass, errorClass)
                .SetProperty(m => m.NextAttemptAt, nextAttemptAt)
                .SetProperty(m => m.ClaimedAt, (DateTime?)null)
                .SetProperty(m => m.UpdatedAt, now), CancellationToken.None) == 1;

    /// <summary>An administrator sends a message that failed for good once more, while what it carries is still valid.</summary>
    public async Task<bool> ResendAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var resent = await Allowing(messageId, OutboundSmsTransition.Resend)
            .Where(message => message.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Resend))
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken) == 1;
        if (resent)
        {
            // Inside an administrator's unit of work, the job must not find the message before the commit.
            database.AfterCommit(() => SmsDispatchJob.Enqueue(jobs, messageId));
            logger.SmsResent(messageId);
        }

        return resent;
    }

    /// <summary>
    /// Sends the messages the fraud guard held for <paramref name="scope"/> (all held ones when null) that can still be
    /// of use; each moves once (a conditional update), and counts into the budgets as it leaves. Answers how many.
    /// </summary>
    public async Task<int> ReleaseHeldAsync(string? scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await guardSettings.SettingsAsync(cancellationToken);
        var released = await gates.DecideAsync(FraudGuard.SmsFraudGuard.GateKey, async () =>
        {
            var held = await Held(scope).Where(message => message.ExpiresAt > now)
                .Select(message => new { message.Id, message.Destination, message.Country }).ToListAsync(cancellationToken);
            var ids = held.Select(message => message.Id).ToList();
            await Held(scope).Where(message => ids.Contains(message.Id))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Release))
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.ErrorClass, (string?)null)
                    .SetProperty(m => m.LastError, "Held by the fraud guard, then released by an administrator.")
                    .SetProperty(m => m.UpdatedAt, now), cancellationToken);
            var counted = held.SelectMany(message => new[]
                {
                    FraudGuard.SmsScopes.Total, FraudGuard.SmsScopes.Country(message.Country),
                    FraudGuard.SmsScopes.Prefix(FraudGuard.SmsNumberCheck.PrefixOf(message.Destination, settings.PrefixDigits)),
                })
                .GroupBy(counter => counter).ToDictionary(group => group.Key, group => group.Count());
            await FraudGuard.SmsVolumes.AddAsync(database, counted, FraudGuard.SmsVolumes.HourOf(now), cancellationToken);
            await database.SaveChangesAsync(cancellationToken);
            return ids;
        }, _ => true, cancellationToken);
        foreach (var id in released)
        {
            SmsDispatchJob.Enqueue(jobs, id);
        }

        logger.HeldSmsSettled(released.Count, "released", scope ?? "all");
        return released.Count;
    }

    /// <summary>Drops the messages held for <paramref name="scope"/> (all held ones when null); answers how many.</summary>
    public async Task<int> DiscardHeldAsync(string? scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var discarded = await Held(scope)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Discard))
                .SetProperty(m => m.LastError, "Held by the fraud guard, then discarded by an administrator.")
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        logger.HeldSmsSettled(discarded, "discarded", scope ?? "all");
        return discarded;
    }

    /// <summary>Held messages whose lifetime ran out: what they carry is of no use any more, so they end as expired.</summary>
    public Task<int> ExpireHeldAsync(DateTime now, CancellationToken cancellationToken) =>
        Held(null).Where(message => message.ExpiresAt <= now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Expire))
                .SetProperty(m => m.LastError, "Held by the fraud guard until it expired.")
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);

    // The held status once, from the table: release, discard and expiry all leave from it (EF Core folds a second,
    // equal status test into "false").
    private IQueryable<OutboundSms> Held(string? scope) =>
        database.Set<OutboundSms>().Where(OutboundSmsTransitions.IsAllowed(OutboundSmsTransition.Release))
            .Where(message => scope == null || message.HoldScope == scope);

    /// <summary>
    /// The report of <paramref name="account"/> (the one whose token verified it) on the message it knows as
    /// <paramref name="providerId"/>: one conditional update, so a late "sent" after "delivered", or a repeated report,
    /// matches no row; a report verified with one account's token never moves a message another account sent.
    /// </summary>
    public async Task<SmsStatusUpdate> ApplyReportAsync(string account, string providerId, OutboundSmsStatus reported, string? errorCode,
        CancellationToken cancellationToken)
    {
        // Messages from before accounts were named went through the primary.
        var messages = database.Set<OutboundSms>().Where(message => message.TwilioSid == providerId
            && (message.Account == account || (message.Account == null && account == SmsAccountNames.Primary)));
        var now = time.GetUtcNow().UtcDateTime;
        var failed = reported is OutboundSmsStatus.Failed or OutboundSmsStatus.Undelivered;
        var error = errorCode is { Length: > 0 } ? $"Delivery failed (Twilio error {PhoneNumberRules.MaskNumbersIn(errorCode)})." : null;
        var moved = await messages
            .Where(OutboundSmsTransitions.IsAllowed(OutboundSmsTransition.Report))
            .Where(message => message.Status < reported)
            .ExecuteUpdateAsync(set => set
                .SetProperty(message => message.Status, OutboundSmsTransitions.To(OutboundSmsTransition.Report, reported))
                .SetProperty(message => message.LastError, message => error ?? message.LastError)
                .SetProperty(message => message.ErrorClass, message => failed ? SmsErrorClasses.DeliveryFailed : message.ErrorClass)
                .SetProperty(message => message.UpdatedAt, now), cancellationToken);
        var outcome = moved > 0 ? SmsStatusUpdate.Moved
            : await messages.AnyAsync(cancellationToken) ? SmsStatusUpdate.Ignored
            : SmsStatusUpdate.UnknownMessage;
        logger.SmsReport(providerId, reported, outcome);
        return outcome;
    }

    /// <summary>A message that will not arrive is an event (<c>sms.failed</c>), committed with its status.</summary>
    private Task<bool> EndAttemptAsync(Guid messageId, OutboundSmsTransition transition, string reason, string errorClass,
        DateTime now) =>
        database.InTransactionAsync(async () =>
        {
            var ended = await Allowing(messageId, transition)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Status, OutboundSmsTransitions.To(transition))
                    .SetProperty(m => m.LastError, reason)
                    .SetProperty(m => m.ErrorClass, errorClass)
                    .SetProperty(m => m.UpdatedAt, now), CancellationToken.None) == 1;
            if (ended)
            {
                var message = await database.Set<OutboundSms>().AsNoTracking().Where(m => m.Id == messageId)
                    .Select(m => new { m.Purpose, m.Country }).SingleAsync(CancellationToken.None);
                await audit.RaiseAsync(Audit.AuditEventTypes.SmsFailed, Audit.AuditActors.System, null, null,
                    $"{message.Purpose} SMS to a number in {message.Country} failed: {errorClass}.", CancellationToken.None);
            }

            return ended;
        }, _ => true, CancellationToken.None);

    private IQueryable<OutboundSms> Allowing(Guid messageId, OutboundSmsTransition transition) =>
        database.Set<OutboundSms>().Where(message => message.Id == messageId).Where(OutboundSmsTransitions.IsAllowed(transition));
}

/// <summary>
/// A message queued (its id), held by the fraud guard (its id too: it is sent if an administrator releases it, so what it
/// carries must be kept as for a queued one), or refused (why).
/// </summary>
public sealed record SmsEnqueueResult(Guid? MessageId, Problem? Problem, bool Held = false)
{
    public static SmsEnqueueResult Queued(Guid id) => new(id, null);

    public static SmsEnqueueResult HeldBack(Guid id) => new(id, null, Held: true);

    public static SmsEnqueueResult Refused(Problem problem) => new(null, problem);
}

/// <summary>What a delivery report did to its message.</summary>
public enum SmsStatusUpdate
{
    Moved,
    Ignored,
    UnknownMessage,
}
