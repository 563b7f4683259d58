namespace IdpSmsReset.Core.Messaging;

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
