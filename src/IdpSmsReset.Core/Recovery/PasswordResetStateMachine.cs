using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The one owner of a reset flow's state. Each transition is one conditional update whose condition is the
/// transition table (<see cref="PasswordResetTransitions"/>) plus the flow's lifetime, so a move the table does not
/// allow, or a second request racing the first, changes nothing: the method returns false.
/// </summary>
public sealed class PasswordResetStateMachine(IdpDbContext database)
{
    /// <summary>The flow as it stands now (read after a transition, for what it holds).</summary>
    public Task<PasswordResetFlow> ReadAsync(Guid flowId, CancellationToken cancellationToken) =>
        database.Set<PasswordResetFlow>().AsNoTracking().SingleAsync(f => f.Id == flowId, cancellationToken);

    /// <summary>A (new) code is asked for, once the cooldown since the last request has passed.</summary>
    public async Task<bool> RequestCodeAsync(PasswordResetFlow flow, DateTime now, CancellationToken cancellationToken)
    {
        var cooldownStart = now.AddSeconds(-flow.ResendCooldownSeconds);
        return await Allowing(flow.Id, PasswordResetTransition.RequestCode, now)
            .Where(f => f.CodeRequestedAt == null || f.CodeRequestedAt <= cooldownStart)
            // The code before stops working now, not when the job has made the next one; the attempts start again.
            .ExecuteUpdateAsync(set => set
                .SetProperty(f => f.CodeRequestedAt, now)
                .SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.RequestCode))
                .SetProperty(f => f.CodeHash, (byte[]?)null)
                .SetProperty(f => f.CodeSalt, (byte[]?)null)
                .SetProperty(f => f.CodeExpiresAt, (DateTime?)null)
                .SetProperty(f => f.CodeAttempts, 0), cancellationToken) == 1;
    }

    /// <summary>The background job takes the request made at <paramref name="requestedAt"/>; a retry finds it taken.</summary>
    public async Task<bool> ClaimCodeRequestAsync(Guid flowId, DateTime requestedAt, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.RecordCodeSent, now)
            .Where(f => f.CodeRequestHandledAt == null || f.CodeRequestHandledAt < requestedAt)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.CodeRequestHandledAt, requestedAt), cancellationToken) == 1;

    /// <summary>
    /// The SMS for the request made at <paramref name="requestedAt"/> is queued: its code becomes the flow's, unless the
    /// user asked for a newer one meanwhile (then this one never works, as a replaced code would not).
    /// </summary>
    public async Task<bool> RecordCodeSentAsync(
        Guid flowId, DateTime requestedAt, byte[] hash, byte[] salt, DateTime codeExpiresAt, DateTime now,
            CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.RecordCodeSent, now)
            .Where(f => f.CodeRequestedAt == requestedAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(f => f.CodeHash, hash)
                .SetProperty(f => f.CodeSalt, salt)
                .SetProperty(f => f.CodeExpiresAt, codeExpiresAt), cancellationToken) == 1;

    /// <summary>An entry takes an attempt before it is compared; false when none is left (or the flow moved on).</summary>
    public async Task<bool> TryCodeAsync(Guid flowId, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.TryCode, now)
            .Where(f => f.CodeAttempts < f.MaxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.CodeAttempts, f => f.CodeAttempts + 1), cancellationToken) == 1;

    /// <summary>The right code: the same code sent twice at once moves the flow on once.</summary>
    public async Task<bool> VerifyAsync(Guid flowId, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.Verify, now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Verify))
                .SetProperty(f => f.VerifiedAt, now), cancellationToken) == 1;

    /// <summary>The new password is set: only for a flow verified after <paramref name="verifiedAfter"/>.</summary>
    public async Task<bool> CompleteAsync(Guid flowId, DateTime verifiedAfter, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.Complete, now)
            .Where(f => f.VerifiedAt > verifiedAfter)
            .ExecuteUpdateAsync(set => set
                .SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Complete))
                .SetProperty(f => f.CompletedAt, now), cancellationToken) == 1;

    /// <summary>The last attempt went to a wrong entry.</summary>
    public async Task<bool> LockAsync(Guid flowId, DateTime now, CancellationToken cancellationToken) =>
        await Allowing(flowId, PasswordResetTransition.Lock, now)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.State, PasswordResetTransitions.To(PasswordResetTransition.Lock)),
                cancellationToken) == 1;

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
