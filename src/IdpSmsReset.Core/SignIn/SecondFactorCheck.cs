using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Telemetry;
using IdpSmsReset.Core.Users;
using Microsoft.Extensions.Logging;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The second step of a sign-in, after the password: which method to show, checking what was shown (an app code, an SMS
/// code, a recovery code, a passkey), and what a wrong one costs. Wrong codes count towards the policy's lockout (its own
/// counter, see <see cref="IdpUserManager.SecondFactorFailedAsync"/>); a right one clears the count. A refused passkey is
/// not counted: it guesses nothing.
/// </summary>
public sealed class SecondFactorCheck(
    SignInJourney journey,
    SignInCodes smsCodes,
    AuthenticatorService authenticator,
    RecoveryCodeService recoveryCodes,
    IdpUserManager users,
    SignInEligibility eligibility,
    IdpMetrics metrics,
    AccountChanges changes,
    AuditLog audit,
    ILogger<SecondFactorCheck> logger)
{
    /// <param name="secondFactorDemanded">The relying application asked for two factors (step-up): due even where the
    /// user's policy does not require one.</param>
    public async Task<SecondFactorState> StateAsync(ApplicationUser user, string? askedMethod, CancellationToken cancellationToken,
        bool secondFactorDemanded = false)
    {
        var next = await journey.NextAsync(user, [AuthenticationMethods.Password], cancellationToken, secondFactorDemanded);
        var method = next.MethodOrPreferred(askedMethod);
        var nextSendAt = method == SecondFactorMethod.Sms && next.Offers(SecondFactorMethod.Sms)
            ? await smsCodes.NextSendAtAsync(user, cancellationToken)
            : null;
        return new SecondFactorState(next, method, nextSendAt);
    }

    public Task<SmsChallengeSent> SendSmsAsync(ApplicationUser user, string phone, CancellationToken cancellationToken) =>
        smsCodes.SendAsync(user, phone, cancellationToken);

    public Task<DateTimeOffset?> NextSmsAtAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        smsCodes.NextSendAtAsync(user, cancellationToken);

    /// <summary>Checks a typed code the way <paramref name="method"/> says (an app code unless SMS or recovery).</summary>
    public async Task<SecondFactorVerdict> VerifyCodeAsync(ApplicationUser user, string method, string code,
        CancellationToken cancellationToken)
    {
        // A code of the wrong shape is a slip of the finger, not a guess: refused before anything counts it. An SMS code's
        // shape is its challenge's to judge (below); an app code's, the authenticator's.
        if (method == SecondFactorMethod.App && !OneTimeCode.IsWellFormed(OneTimeCode.Normalize(code), AuthenticatorService.CodeLength))
        {
            return new SecondFactorVerdict(SecondFactorOutcome.Malformed, []);
        }

        SmsCodeResult? sms = null;
        var accepted = method switch
        {
            SecondFactorMethod.Sms => (sms = await smsCodes.CheckAsync(user, code, cancellationToken)).IsAccepted,
            SecondFactorMethod.Recovery => await recoveryCodes.RedeemAsync(user.Id, code, cancellationToken),
            _ => await authenticator.VerifyAsync(user.Id, code, cancellationToken),
        };
        if (accepted)
        {
            if (method == SecondFactorMethod.Recovery)
            {
                await changes.RecoveryCodeUsedAsync(user, cancellationToken);
            }

            return await AcceptedAsync(user, method, SignInJourney.AfterSecondFactor(method).Amr);
        }

        if (sms is { Check: SmsCodeVerdict.Malformed })
        {
            return new SecondFactorVerdict(SecondFactorOutcome.Malformed, [], sms);
        }

        Refused(user, method);
        await users.SecondFactorFailedAsync(user);
        if (!await eligibility.MaySignInAsync(user))
        {
            logger.SecondFactorLockedOut(user.Id);
            audit.Raise(AuditEventTypes.SignInLockedOut, AuditActors.System, user.Id, null, "Locked after repeated wrong codes.");
            await audit.SaveRaisedAsync(cancellationToken);
            return new SecondFactorVerdict(SecondFactorOutcome.LockedOut, [], sms);
        }

        await audit.SaveRaisedAsync(cancellationToken);
        return new SecondFactorVerdict(SecondFactorOutcome.Refused, [], sms);
    }

    /// <summary>A passkey's verdict: <paramref name="keyAmr"/> (<c>hwk</c> or <c>swk</c>) when it checked out, else null.</summary>
    public async Task<SecondFactorVerdict> PasskeyAsync(ApplicationUser user, string? keyAmr)
    {
        if (keyAmr is not null)
        {
            return await AcceptedAsync(user, SecondFactorMethod.Passkey, SignInJourney.AfterPasskey(keyAmr).Amr);
        }

        Refused(user, SecondFactorMethod.Passkey);
        await audit.SaveRaisedAsync(CancellationToken.None);
        return new SecondFactorVerdict(SecondFactorOutcome.Refused, []);
    }

    private async Task<SecondFactorVerdict> AcceptedAsync(ApplicationUser user, string method, IReadOnlyList<string> amr)
    {
        metrics.SecondFactorChecked(method, "accepted");
        await audit.RaiseAsync(AuditEventTypes.SecondFactorSucceeded, user.UserName ?? user.Id, user.Id, null, $"Method: {method}.",
            CancellationToken.None);
        await users.ResetSecondFactorFailuresAsync(user);
        return new SecondFactorVerdict(SecondFactorOutcome.Accepted, amr);
    }

    private void Refused(ApplicationUser user, string method)
    {
        logger.SecondFactorRefused(user.Id, method);
        metrics.SecondFactorChecked(method, "refused");
        audit.Raise(AuditEventTypes.SecondFactorFailed, AuditActors.Anonymous, user.Id, null, $"Method: {method}.");
    }
}

/// <summary>What showing a second factor came to (<see cref="SecondFactorCheck"/>).</summary>
public enum SecondFactorOutcome
{
    Accepted,

    /// <summary>Wrong, counted; the user may try again.</summary>
    Refused,

    /// <summary>Not a code of the method's shape (a digit short, a letter): not compared, not counted.</summary>
    Malformed,

    /// <summary>Wrong, and the count reached the policy's limit: the account is locked and the pending sign-in is over.</summary>
    LockedOut,
}

/// <summary>
/// Where a pending sign-in stands: the journey's <see cref="Next"/> step, the <see cref="Method"/> to show (the one asked
/// for when the user can show it, else the preferred one), and when another SMS code may be asked for (null: now).
/// </summary>
public sealed record SecondFactorState(SignInDecision Next, string Method, DateTimeOffset? NextSendAt);

/// <summary>
/// The verdict on a second factor: <see cref="Amr"/> is what the session carries when it was accepted; <see cref="Sms"/>
/// says how an SMS code was wrong (expired, replaced, attempts left), for the page's words.
/// </summary>
public sealed record SecondFactorVerdict(SecondFactorOutcome Outcome, IReadOnlyList<string> Amr, SmsCodeResult? Sms = null)
{
    public bool IsAccepted => Outcome == SecondFactorOutcome.Accepted;
}
