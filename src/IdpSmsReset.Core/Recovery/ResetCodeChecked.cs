namespace IdpSmsReset.Core.Recovery;

/// <summary>The outcome of entering a reset code, and how many attempts are left for this code.</summary>
public sealed record ResetCodeChecked(ResetCodeCheck Check, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == ResetCodeCheck.Accepted;
}
