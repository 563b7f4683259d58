using IdpSmsReset.Core.Problems;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// The outcome of asking for a code to <see cref="Destination"/> (E.164; empty when refused); <see cref="RetryAt"/>
/// says when another may be asked for.
/// </summary>
public sealed record SmsChallengeSent(SmsChallengeSendStatus Status, string Destination, DateTimeOffset? RetryAt = null,
    Problem? Problem = null)
{
    public bool IsSent => Status == SmsChallengeSendStatus.Sent;

    public static SmsChallengeSent Refused(Problem problem) => new(SmsChallengeSendStatus.Refused, "", Problem: problem);
}
