using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The one owner of a reset flow's state. Each transition is one conditional update whose condition is the
/// transition table (<see cref="PasswordResetTransitions"/>) plus the flow's lifetime, so a move the table does not
/// allow, or a second request racing the first, changes nothing: the method returns false. The code is an
/// <see cref="SmsChallenge"/> the flow refers to: its attempts are taken, and it is closed, by the challenge's own
/// guarded updates, each under the flow's transition.
/// </summary>
public sealed class PasswordResetStateMachine(IdpDbContext database)
{
    /// <summary>The flow as it stands now (read after a transition, for what it holds).</summary>
    public Task<PasswordResetFlow> ReadAsync(Guid flowId, CancellationToken cancellationToken) =>
        database.Set<PasswordResetFlow>().AsNoTracking().SingleAsync(f => f.Id == flowId, cancellationToken);

    /// <summary>
    /// A (new) code is asked for, once the cooldown since the last request has passed: the flow gets a new challenge
    /// that holds no code yet, and the one before stops working now, not when the job has made the next code.
    /// </summary>
    public Task<bool> RequestCodeAsync(PasswordResetFlow flow, DateTime now, CancellationToken cancellationToken)
    {
        var cooldownStart = now.AddSeconds(-flow.ResendCooldownSeconds);
        var challenge = new SmsChallenge
        {
            Id = Guid.NewGuid(), FlowId = flow.Id, UserId = flow.UserId, Purpose = SmsPurposes.PasswordReset, CreatedAt = now,
            ExpiresAt = flow.ExpiresAt,
        };
        return database.InTransactionAsync(async () =>
        {
            if (await Allowing(flow.Id, PasswordResetTransition.RequestCode, now)
                    .Where(f => f.CodeRequestedAt == null || f.CodeRequestedAt <= cooldownStart)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(f => f.CodeRequestedAt, now)
                        .SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.RequestCode))
                        .SetProperty(f => f.ChallengeId, challenge.Id), cancellationToken) == 0)
            {
                return false;
            }

            await SmsChallenge.CloseAsync(database.Set<SmsChallenge>().Where(c => c.FlowId == flow.Id), SmsChallengeClosure.Replaced, now,
                cancellationToken);
            database.Add(challenge);
            await database.SaveChangesAsync(cancellationToken);
            return true;
        }, requested => requested, cancellationToken);
    }

    /// <summary>The background job takes the request made at <paramref name="requestedAt"/>; a retry finds it taken.</summary>
    public async Task<bool> ClaimCodeRequestAsync(Guid flowId, DateTime requestedAt, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.RecordCodeSent, now)
            .Where(f => f.CodeRequestHandledAt == null || f.CodeRequestHandledAt < requestedAt)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.CodeRequestHandledAt, requestedAt), cancellationToken) == 1;

    /// <summary>
    /// The SMS for the request made at <paramref name="requestedAt"/> is queued: its code goes into the flow's challenge,
    /// unless the user asked for a newer one meanwhile (then this one never works, as a replaced code would not).
    /// </summary>
    public async Task<bool> RecordCodeSentAsync(Guid flowId, DateTime requestedAt, SentCode code, DateTime now,
        CancellationToken cancellationToken)
    {
        var flow = Allowing(flowId, PasswordResetTransition.RecordCodeSent, now).Where(f => f.CodeRequestedAt == requestedAt);
        return await database.Set<SmsChallenge>()
            .Where(c => c.ClosedAt == null && flow.Any(f => f.ChallengeId == c.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.CodeHash, code.Hash)
                .SetProperty(c => c.CodeSalt, code.Salt)
                .SetProperty(c => c.Destination, code.Destination)
                .SetProperty(c => c.ExpiresAt, code.ExpiresAt), cancellationToken) == 1;
    }

    /// <summary>
    /// An entry takes an attempt at the flow's challenge before it is compared, every flow alike (one whose challenge
    /// holds no code too); false when none is left of the policy's attempts, or the flow moved on.
    /// </summary>
    public Task<bool> TryCodeAsync(Guid flowId, DateTime now, CancellationToken cancellationToken)
    {
        var flow = Allowing(flowId, PasswordResetTransition.TryCode, now);
        return SmsChallenge.TakeAttemptAsync(database.Set<SmsChallenge>()
            .Where(c => flow.Any(f => f.ChallengeId == c.Id && c.Attempts < f.MaxAttempts)), cancellationToken);
    }

    /// <summary>The flow's current challenge (read after an attempt was taken, for its code and attempts); null if it is gone.</summary>
    public Task<SmsChallenge?> ChallengeAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var current = database.Set<PasswordResetFlow>().Where(f => f.Id == flowId).Select(f => f.ChallengeId);
        return database.Set<SmsChallenge>().AsNoTracking().Where(c => current.Contains(c.Id)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The right code: the same code sent twice at once moves the flow on once; the challenge is used up.</summary>
    public async Task<bool> VerifyAsync(Guid flowId, Guid challengeId, DateTime now, CancellationToken cancellationToken)
    {
        if (await Allowing(flowId, PasswordResetTransition.Verify, now)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Verify))
                    .SetProperty(f => f.VerifiedAt, now), cancellationToken) == 0)
        {
            return false;
        }

        await SmsChallenge.CloseAsync(database.Set<SmsChallenge>().Where(c => c.Id == challengeId), SmsChallengeClosure.Used, now,
            cancellationToken);
        return true;
    }

    /// <summary>The new password is set: only for a flow verified after <paramref name="verifiedAfter"/>.</summary>
    public async Task<bool> CompleteAsync(Guid flowId, DateTime verifiedAfter, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.Complete, now)
            .Where(f => f.VerifiedAt > verifiedAfter)
            .ExecuteUpdateAsync(set => set
                .SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Complete))
                .SetProperty(f => f.CompletedAt, now), cancellationToken) == 1;

    /// <summary>The last attempt went to a wrong entry: the flow locks, and its challenge closes.</summary>
    public async Task<bool> LockAsync(Guid flowId, Guid challengeId, DateTime now, CancellationToken cancellationToken)
    {
        if (await Allowing(flowId, PasswordResetTransition.Lock, now)
                .ExecuteUpdateAsync(set => set.SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Lock)),
                    cancellationToken) == 0)
        {
            return false;
        }

        await SmsChallenge.CloseAsync(database.Set<SmsChallenge>().Where(c => c.Id == challengeId), SmsChallengeClosure.TooManyAttempts,
            now, cancellationToken);
        return true;
    }

    /// <summary>Every unfinished flow past its lifetime becomes <see cref="PasswordResetState.Expired"/>; returns how many.</summary>
    public Task<int> ExpireAsync(DateTime now, CancellationToken cancellationToken) =>
        database.Set<PasswordResetFlow>()
            .Where(f => f.ExpiresAt <= now)
            .Where(PasswordResetTransitions.IsAllowed(PasswordResetTransition.Expire))
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Expire)),
                cancellationToken);

    /// <summary>The flow, if <paramref name="transition"/> may leave its state and its lifetime has not run out.</summary>
    private IQueryable<PasswordResetFlow> Allowing(Guid flowId, PasswordResetTransition transition, DateTime now) =>
        database.Set<PasswordResetFlow>()
            .Where(f => f.Id == flowId && f.ExpiresAt > now)
            .Where(PasswordResetTransitions.IsAllowed(transition));
}

/// <summary>A reset code whose SMS is queued: its salted hash, where it went, and until when it works.</summary>
public sealed record SentCode(byte[] Hash, byte[] Salt, string Destination, DateTime ExpiresAt);
