namespace IdpSmsReset.Core.Recovery;

public enum CodeRequest
{
    Requested,
    CoolingDown,
    /// <summary>The flow is over (locked, completed, expired): start again.</summary>
    FlowOver,
}
