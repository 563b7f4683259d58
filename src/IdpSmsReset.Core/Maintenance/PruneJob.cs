using IdpSmsReset.Core.Applications;
using IdpSmsReset.Core.Applications.Registration;
using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Devices;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Core.Maintenance;

/// <summary>
/// Keeps the tables that grow with every request bounded: a token, an authorization, a session (with the authorizations
/// it names), an SMS challenge, a reset flow, a wrong reset or user code, a device's last poll, a used client
/// assertion, a back-channel logout or webhook delivery or an unknown name's failures that ended (expired, redeemed, revoked, signed out,
/// delivered or given up, or a session left unused past its cookie) more than <c>keepEndedFor</c> ago is deleted. So a
/// table holds at most what the traffic of its lifetime plus that margin brings, whatever the load. The audit log is a
/// record for administrators: kept for <see cref="AuditOptions.RetainFor"/>. A self-registered application left unused
/// goes too (<see cref="DynamicClientRegistrationOptions.PruneAfter"/>). The SMS messages are kept.
/// </summary>
public sealed class PruneJob(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IdpDbContext database,
    PasswordResetStateMachine resetFlows, Budgets budgets,
        ClientRegistrations registrations, IOptions<AuditOptions> audit, TimeProvider time)
{
    public const string RecurringJobId = "prune-ended-records";

    /// <param name="sessionLifetime">How long a session cookie lives unused: a session unseen for longer ended with it.</param>
    public async Task<PruneResult> RunAsync(TimeSpan keepEndedFor, TimeSpan sessionLifetime, CancellationToken cancellationToken)
    {
        var threshold = time.GetUtcNow() - keepEndedFor;
        var cutoff = threshold.UtcDateTime;

        // OpenIddict's own rules: tokens no longer valid or past their expiry, authorizations without valid tokens.
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);

        var sessions = await database.Set<UserSession>()
            .Where(session => session.EndedAt < cutoff || session.LastSeenAt < cutoff - sessionLifetime)
            .ExecuteDeleteAsync(cancellationToken);
        var challenges = await database.Set<SmsChallenge>()
            .Where(challenge => challenge.ExpiresAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        // Unfinished flows past their lifetime say so first (the audit of a flow then reads as its states); those
        // ended long enough ago go.
        await resetFlows.ExpireAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
        var flows = await database.Set<PasswordResetFlow>()
            .Where(flow => flow.ExpiresAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        // A back-channel logout is a record for administrators while it may still be wondered about; then it goes too.
        await database.Set<BackchannelLogoutDelivery>().Where(delivery => delivery.CompletedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        await database.Set<Events.WebhookDelivery>().Where(delivery => delivery.CompletedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        // Past the longest window that counts them (a day for wrong reset codes, a lockout for unknown names).
        var countedUntil = cutoff.AddDays(-1);
        await budgets.PruneAsync(cancellationToken);
        await database.Set<UsedClientAssertion>().Where(used => used.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        // A device code lives an hour at most: its polls matter no longer.
        await database.Set<DevicePoll>().Where(poll => poll.LastPolledAt < countedUntil).ExecuteDeleteAsync(cancellationToken);
        await database.Set<UnknownAccountFailure>()
            .Where(failure => failure.LastFailedAt < countedUntil && (failure.LockedUntil == null || failure.LockedUntil < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
        // A gate untouched for a day guards no count that is still running; a later decision creates it again.
        // Past the dashboard's longest chart (7 days).
        await database.Set<SignInFailureTally>().Where(tally => tally.HourStart < countedUntil.AddDays(-7))
            .ExecuteDeleteAsync(cancellationToken);
        await database.Set<LimitGate>().Where(gate => gate.TouchedAt < countedUntil).ExecuteDeleteAsync(cancellationToken);
        // The fraud guard's counters: a week of baseline and the day being counted.
        var volumesUntil = time.GetUtcNow().UtcDateTime.AddDays(-8).AddHours(-1);
        await database.Set<Messaging.FraudGuard.SmsVolume>().Where(volume => volume.HourStart < volumesUntil)
            .ExecuteDeleteAsync(cancellationToken);
        await database.Set<Messaging.FraudGuard.SmsFraudAlert>().Where(alert => alert.Until < countedUntil.AddDays(-7))
            .ExecuteDeleteAsync(cancellationToken);
        await database.Set<Messaging.FraudGuard.SpentProof>().Where(proof => proof.ExpiresAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);

        // Self-registered applications that got no token for Idp:DynamicClientRegistration:PruneAfter, with what they had.
        await registrations.PruneAsync(cancellationToken);

        var auditCutoff = (time.GetUtcNow() - audit.Value.RetainFor).UtcDateTime;
        await database.Set<AuditEvent>().Where(e => e.OccurredAt < auditCutoff).ExecuteDeleteAsync(cancellationToken);

        return new PruneResult(prunedTokens, prunedAuthorizations, sessions, challenges, flows);
    }
}

public sealed record PruneResult(long Tokens, long Authorizations, int Sessions, int SmsChallenges, int ResetFlows);
