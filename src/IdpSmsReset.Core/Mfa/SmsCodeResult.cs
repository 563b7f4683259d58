namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// The outcome of entering a code. Every outcome but <see cref="SmsCodeVerdict.Accepted"/> and
/// <see cref="SmsCodeVerdict.Malformed"/> is a failed attempt.
/// </summary>
public sealed record SmsCodeResult(SmsCodeVerdict Check, string? Destination = null, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == SmsCodeVerdict.Accepted;
}

public enum SmsCodeVerdict
{
    Accepted,
    Wrong,
    Expired,
    AlreadyUsed,
    Replaced,
    TooManyAttempts,
    NoCodeSent,

    /// <summary>Not a code of this kind's length, or not digits: not compared, and no attempt taken.</summary>
    Malformed,
}
