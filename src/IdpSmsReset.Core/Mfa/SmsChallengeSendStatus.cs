namespace IdpSmsReset.Core.Mfa;

public enum SmsChallengeSendStatus
{
    Sent,
    CoolingDown,
    TooManySends,
    Refused,
}
