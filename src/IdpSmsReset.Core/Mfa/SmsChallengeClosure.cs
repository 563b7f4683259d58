namespace IdpSmsReset.Core.Mfa;

public enum SmsChallengeClosure
{
    Used,
    Replaced,
    TooManyAttempts,
    /// <summary>Written before its SMS is queued, so the limits can be counted; it opens once the SMS is queued, or is deleted.</summary>
    Reserved,
}
