using IdpSmsReset.Core.Persistence;
using System.Linq.Expressions;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// The reset flow's transition table: from which states each move is allowed, and where it leads. It is data, so the
/// conditional updates of <see cref="PasswordResetFlows"/> are built from it and the unit tests read it.
/// </summary>
public static class PasswordResetTransitions
{
    public static IReadOnlyList<PasswordResetState> From(PasswordResetTransition transition) => transition switch
    {
        PasswordResetTransition.RequestCode => [PasswordResetState.Started, PasswordResetState.CodeSent],
        PasswordResetTransition.RecordCodeSent or PasswordResetTransition.TryCode or PasswordResetTransition.Verify
            or PasswordResetTransition.Lock => [PasswordResetState.CodeSent],
        PasswordResetTransition.Complete => [PasswordResetState.Verified],
        PasswordResetTransition.Expire => [PasswordResetState.Started, PasswordResetState.CodeSent, PasswordResetState.Verified],
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };

    public static PasswordResetState To(PasswordResetTransition transition) => transition switch
    {
        PasswordResetTransition.RequestCode or PasswordResetTransition.RecordCodeSent or PasswordResetTransition.TryCode
            => PasswordResetState.CodeSent,
        PasswordResetTransition.Verify => PasswordResetState.Verified,
        PasswordResetTransition.Complete => PasswordResetState.Completed,
        PasswordResetTransition.Lock => PasswordResetState.Locked,
        PasswordResetTransition.Expire => PasswordResetState.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };

    public static bool Allows(PasswordResetState state, PasswordResetTransition transition) => From(transition).Contains(state);

    /// <summary>No move leads out of these.</summary>
    public static bool IsFinal(PasswordResetState state) =>
        !Enum.GetValues<PasswordResetTransition>().Any(transition => Allows(state, transition));

    /// <summary><c>flow.State</c> is one that <paramref name="transition"/> may leave, as SQL the database checks in the update
    /// itself.</summary>
    public static Expression<Func<PasswordResetFlow, bool>> IsAllowed(PasswordResetTransition transition) =>
        StateGuard.In<PasswordResetFlow, PasswordResetState>(flow => flow.State, From(transition));
}
