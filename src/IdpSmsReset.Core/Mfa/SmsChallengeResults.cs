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

    /// <summary>Plain words for the user; the same for a code that was never sent to them and a wrong one.</summary>
    public string Message => Check switch
    {
        SmsCodeCheck.Accepted => "The code is correct.",
        SmsCodeCheck.Wrong when AttemptsLeft > 0 => $"That code is not correct. {AttemptsLeft} attempt{(AttemptsLeft == 1 ? "" : "s")} left for this code.",
        SmsCodeCheck.Wrong => "That code is not correct. Send a new code.",
        SmsCodeCheck.TooManyAttempts => "The code was entered wrong too many times. Send a new code.",
        SmsCodeCheck.Expired => "That code has expired. Send a new code.",
        SmsCodeCheck.AlreadyUsed => "That code has already been used. Send a new code.",
        SmsCodeCheck.Replaced => "That code was replaced by a newer one. Enter the code from the latest SMS.",
        _ => "No code has been sent yet. Send a code first.",
    };
}
