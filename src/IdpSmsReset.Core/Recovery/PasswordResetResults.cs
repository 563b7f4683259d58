namespace IdpSmsReset.Core.Recovery;

public enum PasswordResetStart
{
    Started,
    /// <summary>Too many resets from this address: the same answer for every account.</summary>
    TooManyFromAddress,
}

public enum CodeRequest
{
    Requested,
    CoolingDown,
    /// <summary>The flow is over (locked, completed, expired): start again.</summary>
    FlowOver,
}

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

/// <summary>The outcome of entering a reset code, and how many attempts are left for this code.</summary>
public sealed record ResetCodeChecked(ResetCodeCheck Check, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == ResetCodeCheck.Accepted;
}
