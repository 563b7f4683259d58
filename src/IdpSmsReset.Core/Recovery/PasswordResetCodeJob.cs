using IdpSmsReset.Core.Telemetry;
using Hangfire;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Answers a request for a reset code, in the background so that the page cannot be timed. Only an account whose
/// policy allows SMS reset, with a phone in the SMS factor's field, not suspended and within every limit, gets a
/// code; and the flow holds that code's hash only once its SMS is queued. Every other flow holds no code, so no entry
/// can ever verify it, while its pages and answers stay the same. The job's only argument is the flow id; run twice,
/// it answers the request once.
/// </summary>
public sealed class PasswordResetCodeJob(
    IdpDbContext database,
    PasswordResetStateMachine flows,
    PasswordResetEligibility eligibilities,
    SmsOutbox outbox,
    Budgets budgets,
    ISmsTexts texts,
    AuditLog audit,
    IOptions<PasswordResetLimits> limits,
    IdpUrls urls,
    TimeProvider time,
    IdpMetrics metrics,
    ILogger<PasswordResetCodeJob> logger)
{
    /// <summary>A queue of its own, served by one worker per instance (the lock below then only waits across instances).</summary>
    public const string Queue = "reset-codes";

    public static void Enqueue(IBackgroundJobClient jobs, Guid flowId) =>
        jobs.Enqueue<PasswordResetCodeJob>(Queue, job => job.RunAsync(flowId, CancellationToken.None));

    // A retry after the request was answered finds it answered and does nothing. One at a time across the cluster: the
    // limits are then counted exactly (the reservation alone would keep them, but could refuse too many at once).
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [1, 5, 15])]
    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    public async Task RunAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var flow = await database.Set<PasswordResetFlow>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        if (flow?.CodeRequestedAt is not { } requestedAt || !flow.Allows(PasswordResetTransition.RecordCodeSent))
        {
            return;
        }

        // Claims the request; the flow still holds no code (the request took the one before away).
        if (!await flows.ClaimCodeRequestAsync(flowId, requestedAt, now, cancellationToken))
        {
            return;
        }

        var (send, reason, reasonClass) = await ReserveAsync(flow, cancellationToken);
        if (send is null)
        {
            logger.ResetCodeNotSent(FlowRef.Of(flowId), reason);
            metrics.ResetStep("code_not_sent", reasonClass);
            await audit.RaiseAsync(AuditEventTypes.PasswordResetCodeNotSent, AuditActors.System, flow.UserId, flow.IpAddress, reason,
                cancellationToken);
            return;
        }

        var code = OneTimeCode.NewNumeric(flow.CodeLength);
        var salt = OneTimeCode.NewSalt();
        var hash = OneTimeCode.Hash(code, salt);
        var lifetime = TimeSpan.FromMinutes(flow.CodeLifetimeMinutes);
        var resumeLink = flow.IssuedBy is null ? null : urls.ResetCodeLink(flow.Id);
        var text = SmsLanguage.In(flow.Language, () => texts.PasswordResetCode(code, lifetime, resumeLink));
        var queued = await outbox.QueueAsync(send.Destination, SmsPurposes.PasswordReset, text, lifetime, cancellationToken);
        if (queued.Problem is { } problem)
        {
            await budgets.RefundAsync(send.Charged, cancellationToken);
            logger.ResetCodeNotSent(FlowRef.Of(flowId), problem.English);
            metrics.ResetStep("code_not_sent", problem.Code);
            await audit.RaiseAsync(AuditEventTypes.PasswordResetCodeNotSent, AuditActors.System, flow.UserId, flow.IpAddress,
                problem.English, cancellationToken);
            return;
        }

        // The code becomes the flow's before its SMS may leave: an entry typed the moment the text arrives must find it.
        var stored = await flows.RecordCodeSentAsync(flowId, requestedAt, new SentCode(hash, salt, send.Destination, now + lifetime), now,
            cancellationToken);
        outbox.Dispatch(queued);
        logger.ResetCodeSent(FlowRef.Of(flowId), PhoneNumberRules.Mask(send.Destination), stored);
        metrics.ResetStep("code_sent", stored ? "kept" : "superseded");
        await audit.RaiseAsync(AuditEventTypes.PasswordResetCodeSent, AuditActors.System, flow.UserId, flow.IpAddress,
            queued.Held
                ? $"Code to {PhoneNumberRules.Mask(send.Destination)} held by the SMS fraud guard: it goes if an administrator releases it."
            : stored ? $"Code sent to {PhoneNumberRules.Mask(send.Destination)}." : "Code sent, but a newer one was asked for meanwhile.",
            cancellationToken);
    }

    /// <summary>
    /// Reserves a send for an eligible account within every limit, or says why not (for the audit log only: the user
    /// is never told). The send is charged first and the budgets counted after, so that jobs running at the same moment
    /// cannot all pass a limit together: each counts the others' charges, and an over-count only ever refuses.
    /// </summary>
    /// <returns>The send reserved, or why not: in words for the audit log, and as a class for the metrics.</returns>
    private async Task<(ReservedSend? Send, string Reason, string ReasonClass)> ReserveAsync(PasswordResetFlow flow,
        CancellationToken cancellationToken)
    {
        var user = flow.UserId is null ? null : await database.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == flow.UserId,
            cancellationToken);
        var eligibility = await eligibilities.CheckAsync(user, cancellationToken);
        if (eligibility is not { Destination: { } destination, Country: { } country, MaxSendsPerHour: var maxPerUser })
        {
            return (null, eligibility.Reason, "ineligible");
        }

        var perDestination = limits.Value.SendsPerDestination;
        var perCountry = limits.Value.SendsPerCountry;
        Charge[] charges = [
            new(PasswordResetLimits.SendsPerAccount(maxPerUser), user!.Id), new(perDestination, destination), new(perCountry, country),
        ];
        var charged = await budgets.ChargeAsync(charges, user.Id, cancellationToken);
        if (await budgets.FirstOverdrawnAsync(charges, cancellationToken) is { } over)
        {
            await budgets.RefundAsync(charged, cancellationToken);
            var reason = over.Budget.Name == perDestination.Name
                ? $"The limit of {perDestination.Allowed} codes per phone number per hour was reached."
                : over.Budget.Name == perCountry.Name
                    ? $"The limit of {perCountry.Allowed} codes per hour to {country} was reached."
                    : $"The policy's limit of {maxPerUser} codes per user per hour was reached.";
            return (null, reason, "limit");
        }

        return (new ReservedSend(destination, charged), "", "");
    }

    private sealed record ReservedSend(string Destination, IReadOnlyList<long> Charged);
}
