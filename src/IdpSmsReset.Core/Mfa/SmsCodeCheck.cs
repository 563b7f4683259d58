namespace IdpSmsReset.Core.Mfa;

public enum SmsCodeCheck
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
