namespace IdpSmsReset.Core.Recovery;

/// <summary>The outcome of entering a reset code, and how many attempts are left for this code.</summary>
public sealed record ResetCodeResult(ResetCodeVerdict Check, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == ResetCodeVerdict.Accepted;
}

public enum ResetCodeVerdict
{
    Accepted,
    Wrong,
    Expired,
    /// <summary>This wrong entry used the last attempt, or the flow was locked already.</summary>
    Locked,
    /// <summary>Too many wrong codes from this address in the last hour, over all accounts: the entry was not compared.</summary>
    TooManyFromAddress,
    /// <summary>The flow is past the code step (completed, or expired as a whole).</summary>
    FlowOver,

    /// <summary>
    /// Not digits, or a length no policy's codes have (<see cref="Policies.PasswordResetRules.MinCodeLength"/> to
    /// <see cref="Policies.PasswordResetRules.MaxCodeLength"/>): not compared, and no attempt taken. The range is every
    /// policy's, not this flow's, so the answer cannot tell an account's policy (or that it exists) from a made-up one.
    /// </summary>
    Malformed,
}
