using IdpSmsReset.Core.Persistence;
using System.Linq.Expressions;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The outbox's transition table (<see cref="TransitionTable{TEntity, TState, TTrigger}"/>): the conditional updates of
/// <see cref="SmsOutbox"/> are built from it, and the unit tests read it.
/// </summary>
public static class OutboundSmsTransitions
{
    public static readonly TransitionTable<OutboundSms, OutboundSmsStatus, OutboundSmsTransition> Table =
        new(message => message.Status, new Dictionary<OutboundSmsTransition, (OutboundSmsStatus[], OutboundSmsStatus)>
        {
            [OutboundSmsTransition.Expire] = ([OutboundSmsStatus.Queued, OutboundSmsStatus.Held], OutboundSmsStatus.Expired),
            // A message being sent is claimed again only once its claim is old enough to be abandoned (SmsOutbox checks).
            [OutboundSmsTransition.Claim] = ([OutboundSmsStatus.Queued, OutboundSmsStatus.Sending], OutboundSmsStatus.Sending),
            // Accepted: sent, or the later status the provider reported at once (see To).
            [OutboundSmsTransition.Accept] = ([OutboundSmsStatus.Sending], OutboundSmsStatus.Sent),
            [OutboundSmsTransition.Fail] = ([OutboundSmsStatus.Sending], OutboundSmsStatus.Failed),
            [OutboundSmsTransition.RetryLater] = ([OutboundSmsStatus.Sending], OutboundSmsStatus.Queued),
            [OutboundSmsTransition.GiveUp] = ([OutboundSmsStatus.Sending], OutboundSmsStatus.Expired),
            [OutboundSmsTransition.Resend] = ([OutboundSmsStatus.Failed], OutboundSmsStatus.Queued),
            // Forward only, and never out of a report of the handset's (delivered, undelivered) or a final failure; it
            // leads to the status reported (see To).
            [OutboundSmsTransition.Report] =
                ([OutboundSmsStatus.Queued, OutboundSmsStatus.Sending, OutboundSmsStatus.Sent], OutboundSmsStatus.Sent),
            [OutboundSmsTransition.Release] = ([OutboundSmsStatus.Held], OutboundSmsStatus.Queued),
            [OutboundSmsTransition.Discard] = ([OutboundSmsStatus.Held], OutboundSmsStatus.Discarded),
        });

    public static IReadOnlyList<OutboundSmsStatus> From(OutboundSmsTransition transition) => Table.From(transition);

    /// <summary>Where a move leads; a report leads to the status reported (when later than the current one).</summary>
    public static OutboundSmsStatus To(OutboundSmsTransition transition, OutboundSmsStatus reported = OutboundSmsStatus.Sent) =>
        transition switch
        {
            OutboundSmsTransition.Accept => reported < OutboundSmsStatus.Sent ? OutboundSmsStatus.Sent : reported,
            OutboundSmsTransition.Report => reported,
            _ => Table.To(transition),
        };

    public static bool Allows(OutboundSmsStatus status, OutboundSmsTransition transition) => Table.Allows(status, transition);

    public static Expression<Func<OutboundSms, bool>> IsAllowed(OutboundSmsTransition transition) => Table.IsAllowed(transition);
}

/// <summary>The moves of an outbox message; <see cref="OutboundSmsTransitions"/> says from which statuses each is allowed.</summary>
public enum OutboundSmsTransition
{
    /// <summary>A queued or held message whose lifetime ran out is not sent.</summary>
    Expire,

    /// <summary>A dispatch run takes the message (a queued one, or one whose earlier claim was abandoned).</summary>
    Claim,

    /// <summary>The provider took the message.</summary>
    Accept,

    /// <summary>The provider refused it for good.</summary>
    Fail,

    /// <summary>A passing failure: queued again for a later attempt.</summary>
    RetryLater,

    /// <summary>A passing failure whose next attempt would come after the message expires.</summary>
    GiveUp,

    /// <summary>An administrator sends a failed message once more.</summary>
    Resend,

    /// <summary>The provider's delivery report moves the status forward.</summary>
    Report,

    /// <summary>An administrator sends a message the fraud guard held.</summary>
    Release,

    /// <summary>An administrator drops a message the fraud guard held.</summary>
    Discard,
}
