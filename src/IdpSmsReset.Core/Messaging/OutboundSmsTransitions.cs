using IdpSmsReset.Core.Persistence;
using System.Linq.Expressions;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The outbox's transition table: from which statuses each move is allowed, and where it leads. The conditional
/// updates of <see cref="SmsOutbox"/> are built from it, and the unit tests read it.
/// </summary>
public static class OutboundSmsTransitions
{
    public static IReadOnlyList<OutboundSmsStatus> From(OutboundSmsTransition transition) => transition switch
    {
        OutboundSmsTransition.Expire => [OutboundSmsStatus.Queued, OutboundSmsStatus.Held],
        // A message being sent is claimed again only once its claim is old enough to be abandoned (SmsOutbox checks).
        OutboundSmsTransition.Claim => [OutboundSmsStatus.Queued, OutboundSmsStatus.Sending],
        OutboundSmsTransition.Accept or OutboundSmsTransition.Fail or OutboundSmsTransition.RetryLater or OutboundSmsTransition.GiveUp
            => [OutboundSmsStatus.Sending],
        OutboundSmsTransition.Resend => [OutboundSmsStatus.Failed],
        // Forward only, and never out of a report of the handset's (delivered, undelivered) or a final failure.
        OutboundSmsTransition.Report => [OutboundSmsStatus.Queued, OutboundSmsStatus.Sending, OutboundSmsStatus.Sent],
        OutboundSmsTransition.Release or OutboundSmsTransition.Discard => [OutboundSmsStatus.Held],
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };

    /// <summary>Where a move leads; a report leads to the status reported (when later than the current one).</summary>
    public static OutboundSmsStatus To(OutboundSmsTransition transition,
        OutboundSmsStatus reported = OutboundSmsStatus.Sent) => transition switch
    {
        OutboundSmsTransition.Expire or OutboundSmsTransition.GiveUp => OutboundSmsStatus.Expired,
        OutboundSmsTransition.Claim => OutboundSmsStatus.Sending,
        OutboundSmsTransition.Accept => reported < OutboundSmsStatus.Sent ? OutboundSmsStatus.Sent : reported,
        OutboundSmsTransition.Fail => OutboundSmsStatus.Failed,
        OutboundSmsTransition.RetryLater or OutboundSmsTransition.Resend or OutboundSmsTransition.Release => OutboundSmsStatus.Queued,
        OutboundSmsTransition.Discard => OutboundSmsStatus.Discarded,
        OutboundSmsTransition.Report => reported,
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
    };

    public static bool Allows(OutboundSmsStatus status, OutboundSmsTransition transition) => From(transition).Contains(status);

    public static Expression<Func<OutboundSms, bool>> IsAllowed(OutboundSmsTransition transition) =>
        StateGuard.In<OutboundSms, OutboundSmsStatus>(message => message.Status, From(transition));
}
