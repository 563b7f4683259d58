using IdpSmsReset.Core.Persistence;
using System.Linq.Expressions;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The reset flow's transition table (<see cref="TransitionTable{TEntity, TState, TTrigger}"/>): the conditional updates of
/// <see cref="PasswordResetStateMachine"/> are built from it and the unit tests read it.
/// </summary>
public static class PasswordResetTransitions
{
    public static readonly TransitionTable<PasswordResetFlow, PasswordResetState, PasswordResetTransition> Table =
        new(flow => flow.State, new Dictionary<PasswordResetTransition, (PasswordResetState[], PasswordResetState)>
        {
            [PasswordResetTransition.RequestCode] =
                ([PasswordResetState.Started, PasswordResetState.CodeSent], PasswordResetState.CodeSent),
            [PasswordResetTransition.RecordCodeSent] = ([PasswordResetState.CodeSent], PasswordResetState.CodeSent),
            [PasswordResetTransition.TryCode] = ([PasswordResetState.CodeSent], PasswordResetState.CodeSent),
            [PasswordResetTransition.Verify] = ([PasswordResetState.CodeSent], PasswordResetState.Verified),
            [PasswordResetTransition.Lock] = ([PasswordResetState.CodeSent], PasswordResetState.Locked),
            [PasswordResetTransition.Complete] = ([PasswordResetState.Verified], PasswordResetState.Completed),
            [PasswordResetTransition.Expire] =
                ([PasswordResetState.Started, PasswordResetState.CodeSent, PasswordResetState.Verified], PasswordResetState.Expired),
        });

    public static IReadOnlyList<PasswordResetState> From(PasswordResetTransition transition) => Table.From(transition);

    public static PasswordResetState To(PasswordResetTransition transition) => Table.To(transition);

    public static bool Allows(PasswordResetState state, PasswordResetTransition transition) => Table.Allows(state, transition);

    public static Expression<Func<PasswordResetFlow, bool>> IsAllowed(PasswordResetTransition transition) => Table.IsAllowed(transition);
}

/// <summary>The moves of a reset flow; <see cref="PasswordResetTransitions"/> says from which states each is allowed.</summary>
public enum PasswordResetTransition
{
    /// <summary>The user asks for a (new) code: the code before stops working and the attempts start again.</summary>
    RequestCode,

    /// <summary>The background job queued the SMS: the flow now holds the code's hash.</summary>
    RecordCodeSent,

    /// <summary>An entry takes one attempt before it is compared.</summary>
    TryCode,

    /// <summary>The entry matched.</summary>
    Verify,

    /// <summary>The new password was set.</summary>
    Complete,

    /// <summary>The last attempt was used on a wrong entry.</summary>
    Lock,

    /// <summary>The flow's lifetime ran out before it completed.</summary>
    Expire,
}
