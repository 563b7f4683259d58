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
}
