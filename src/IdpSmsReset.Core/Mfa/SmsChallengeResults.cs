namespace IdpSmsReset.Core.Mfa;

public enum SmsChallengeSendStatus
{
    Sent,
    CoolingDown,
    TooManySends,
    Refused,
}

/// <summary>
/// The outcome of asking for a code to <see cref="Destination"/> (E.164; empty when refused); <see cref="RetryAt"/>
/// says when another may be asked for.
/// </summary>
public sealed record SmsChallengeSent(SmsChallengeSendStatus Status, string Destination, DateTimeOffset? RetryAt = null, string? Problem = null)
{
    public bool IsSent => Status == SmsChallengeSendStatus.Sent;

    public static SmsChallengeSent Refused(string problem) => new(SmsChallengeSendStatus.Refused, "", Problem: problem);
}

public enum SmsCodeCheck
{
    Accepted,
    Wrong,
    Expired,
    AlreadyUsed,
    Replaced,
    TooManyAttempts,
    NoCodeSent,
}

/// <summary>The outcome of entering a code. Every outcome but <see cref="SmsCodeCheck.Accepted"/> is a failed attempt.</summary>
public sealed record SmsCodeChecked(SmsCodeCheck Check, string? Destination = null, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == SmsCodeCheck.Accepted;
}
