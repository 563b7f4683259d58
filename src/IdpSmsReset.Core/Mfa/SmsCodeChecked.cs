namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// The outcome of entering a code. Every outcome but <see cref="SmsCodeCheck.Accepted"/> and
/// <see cref="SmsCodeCheck.Malformed"/> is a failed attempt.
/// </summary>
public sealed record SmsCodeChecked(SmsCodeCheck Check, string? Destination = null, int AttemptsLeft = 0)
{
    public bool IsAccepted => Check == SmsCodeCheck.Accepted;
}
