using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>What the user is told after asking for a code by SMS.</summary>
internal static class SmsSendOutcome
{
    public static string Describe(SmsChallengeSent sent, TimeProvider time) => sent.Status switch
    {
        SmsChallengeSendStatus.Sent => $"We sent a code to {PhoneNumberRules.Mask(sent.Destination)}.",
        SmsChallengeSendStatus.CoolingDown => $"A code was sent moments ago. You can ask for another {WaitFor(sent.RetryAt, time)}.",
        SmsChallengeSendStatus.TooManySends => $"Too many codes were sent in the last hour. You can ask for another {WaitFor(sent.RetryAt, time)}.",
        _ => $"The code could not be sent: {sent.Problem}",
    };

    /// <summary>"in 42 seconds", "in 12 minutes", or "now".</summary>
    public static string WaitFor(DateTimeOffset? at, TimeProvider time)
    {
        var wait = at is { } when ? when - time.GetUtcNow() : TimeSpan.Zero;
        return wait <= TimeSpan.Zero ? "now"
            : wait < TimeSpan.FromMinutes(2) ? $"in {Math.Ceiling(wait.TotalSeconds)} seconds"
            : $"in {Math.Ceiling(wait.TotalMinutes)} minutes";
    }
}
