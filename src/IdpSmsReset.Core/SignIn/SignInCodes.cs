using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.SignIn;

/// <summary>Second-factor codes by SMS: sent to the user's verified phone, with the sign-in rules (<see
/// cref="OneTimeCodeRules.SignIn"/>).</summary>
public sealed class SignInCodes(SmsChallengeService challenges, ISmsTexts texts)
{
    private static OneTimeCodeRules Rules => OneTimeCodeRules.SignIn;

    public Task<SmsChallengeSent> SendAsync(ApplicationUser user, string phone, CancellationToken cancellationToken) =>
        challenges.SendAsync(user.Id, SmsPurposes.SecondFactor, phone, Rules, code => texts.SignInCode(code, Rules.Lifetime),
            cancellationToken);

    public Task<SmsCodeResult> CheckAsync(ApplicationUser user, string code, CancellationToken cancellationToken) =>
        challenges.CheckAsync(user.Id, SmsPurposes.SecondFactor, code, Rules, cancellationToken);

    public Task<DateTimeOffset?> NextSendAtAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        challenges.NextSendAtAsync(user.Id, SmsPurposes.SecondFactor, Rules, cancellationToken);
}
