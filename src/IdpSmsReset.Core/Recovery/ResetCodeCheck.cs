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
}
