using IdpSmsReset.Core.Problems;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// Adds or changes a user's phone number: a code goes to the new number, and only the right code stores it, verified.
/// The old number is told of the change, so a taken-over account does not move its SMS codes away silently.
/// </summary>
public sealed class PhoneVerificationService(SmsChallengeService challenges, SmsOutbox outbox, ISmsTexts texts,
    UserManager<ApplicationUser> users, Audit.AccountChanges changes, Audit.AuditLog audit)
{
    private static readonly TimeSpan NoticeLifetime = TimeSpan.FromDays(1);

    public async Task<SmsChallengeSent> SendCodeAsync(ApplicationUser user, string typedNumber, CancellationToken cancellationToken)
    {
        if (!PhoneNumberRules.TryNormalize(typedNumber, out var e164, out _, out var problem))
        {
            return SmsChallengeSent.Refused(problem!);
        }

        if (e164 == user.PhoneNumber && user.PhoneNumberConfirmed)
        {
            return SmsChallengeSent.Refused(PhoneProblems.AlreadyVerified);
        }

        var rules = OneTimeCodeRules.SignIn;
        return await challenges.SendAsync(
            user.Id, SmsPurposes.PhoneVerification, e164, rules, code => texts.PhoneVerificationCode(code, rules.Lifetime),
                cancellationToken);
    }

    /// <summary>
    /// Stores the number the accepted code was sent to, which completes a <see cref="SignIn.RequiredActions.VerifyPhone"/>
    /// action wherever it happens (the sign-in's page or the account page); the result says why not otherwise.
    /// </summary>
    public async Task<SmsCodeResult> ConfirmAsync(ApplicationUser user, string typedCode, CancellationToken cancellationToken)
    {
        var check = await challenges.CheckAsync(user.Id, SmsPurposes.PhoneVerification, typedCode, OneTimeCodeRules.SignIn,
            cancellationToken);
        if (!check.IsAccepted)
        {
            return check;
        }

        var previous = user.PhoneNumberConfirmed ? user.PhoneNumber : null;
        user.PhoneNumber = check.Destination;
        user.PhoneNumberConfirmed = true;
        if (SignIn.RequiredActions.Has(user, SignIn.RequiredActions.VerifyPhone))
        {
            SignIn.RequiredActions.Remove(user, SignIn.RequiredActions.VerifyPhone);
            audit.Raise(Audit.AuditEventTypes.RequiredActionCompleted, user.UserName ?? user.Id, user.Id, null,
                SignIn.RequiredActions.VerifyPhone);
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException($"The verified phone number could not be stored:" +
                $" {string.Join(" ", updated.Errors.Select(e => e.Description))}");
        }

        await changes.PhoneVerifiedAsync(user, previous, check.Destination!, cancellationToken);
        if (previous is not null && previous != check.Destination)
        {
            // Best effort: a notice refused (its country no longer allowed, say) must not undo the change.
            await outbox.EnqueueAsync(previous, SmsPurposes.Notice, texts.PhoneChangedNotice(), NoticeLifetime, cancellationToken);
        }

        return check;
    }
}
