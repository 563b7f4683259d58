namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Where a reset flow stands. Which state follows which is <see cref="PasswordResetTransitions"/>; only
/// <see cref="PasswordResetStateMachine"/> moves a flow, each move one conditional update.
/// </summary>
public enum PasswordResetState
{
    /// <summary>A name was given; no code asked for yet.</summary>
    Started,

    /// <summary>A code was asked for. The flow holds its hash only once the SMS is queued (and never for an account that cannot
    /// reset).</summary>
    CodeSent,

    /// <summary>The right code was entered: a new password may be set, for a short while.</summary>
    Verified,

    Completed,

    /// <summary>The code was entered wrong too often: the user must start again.</summary>
    Locked,

    /// <summary>The flow outlived its lifetime before it completed.</summary>
    Expired,
}
