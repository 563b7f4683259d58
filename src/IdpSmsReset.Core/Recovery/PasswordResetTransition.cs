namespace IdpSmsReset.Core.Recovery;

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
