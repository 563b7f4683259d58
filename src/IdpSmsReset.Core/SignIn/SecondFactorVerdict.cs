using IdpSmsReset.Core.Mfa;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The verdict on a second factor: <see cref="Amr"/> is what the session carries when it was accepted; <see cref="Sms"/>
/// says how an SMS code was wrong (expired, replaced, attempts left), for the page's words.
/// </summary>
public sealed record SecondFactorVerdict(SecondFactorOutcome Outcome, IReadOnlyList<string> Amr, SmsCodeResult? Sms = null)
{
    public bool IsAccepted => Outcome == SecondFactorOutcome.Accepted;
}
