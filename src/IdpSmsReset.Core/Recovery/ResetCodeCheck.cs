namespace IdpSmsReset.Core.Recovery;

public enum ResetCodeCheck
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
