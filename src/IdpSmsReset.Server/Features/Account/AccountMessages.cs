using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Server.Localization;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// The sentences the account pages build from an outcome (a lockout, a code check, a send), in the page's language.
/// Core says what happened; only the host knows the reader's language, so the words live here.
/// </summary>
public sealed class AccountMessages(IStringLocalizer<SharedResource> localizer, ProblemMessages problems, TimeProvider time)
{
    /// <summary>When to try again, in whole minutes rounded up, whatever locked the account.</summary>
    public string Lockout(DateTimeOffset? until)
    {
        var minutes = until is { } end ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes)) : 1;
        return minutes == 1
            ? localizer["Too many failed attempts. Sign-in is locked for 1 more minute; try again then."]
            : localizer["Too many failed attempts. Sign-in is locked for {0} more minutes; try again then.", minutes];
    }

    public string PasswordMissing => localizer["Enter your current password to confirm this change."];

    public string PasswordWrong => localizer["The current password is incorrect."];

    public string SmsSent(SmsChallengeSent sent) => sent.Status switch
    {
        SmsChallengeSendStatus.Sent => CodeSentTo(sent.Destination),
        SmsChallengeSendStatus.CoolingDown => localizer["A code was sent moments ago. You can ask for another {0}.", WaitFor(sent.RetryAt)],
        SmsChallengeSendStatus.TooManySends => localizer["Too many codes were sent in the last hour. You can ask for another {0}.",
            WaitFor(sent.RetryAt)],
        _ => localizer["The code could not be sent: {0}", sent.Problem is { } problem ? problems.For(problem) : ""],
    };

    /// <summary>Why a phone number or an SMS was refused, in the page's language.</summary>
    public string Refusal(Core.Problems.Problem problem) => problems.For(problem);

    public string NewCodeSent => localizer["A new code was sent. Only the newest code works."];

    public string CodeSentTo(string e164) => localizer["We sent a code to {0}.", PhoneNumberRules.Mask(e164)];

    public string NextCodeHint(DateTimeOffset? at) => localizer["You can ask for a new code {0}.", WaitFor(at)];

    /// <summary>The hint the countdown script writes each second, with <c>{s}</c> for the seconds; and the one for the last
    /// second.</summary>
    public (string Seconds, string LastSecond) CountdownHints =>
        (localizer["You can ask for a new code {0}.", localizer["in {0} seconds", "{s}"]], localizer["You can ask for a new code {0}.",
            localizer["in 1 second"]]);

    public string TooSoonForNewCode(DateTimeOffset? at) => localizer["Wait a little: you can ask for a new code {0}.", WaitFor(at)];

    /// <summary>"in 42 seconds", "in 12 minutes", or "now".</summary>
    public string WaitFor(DateTimeOffset? at)
    {
        var wait = at is { } when ? when - time.GetUtcNow() : TimeSpan.Zero;
        return wait <= TimeSpan.Zero ? localizer["now"]
            : wait <= TimeSpan.FromSeconds(1) ? localizer["in 1 second"]
            : wait < TimeSpan.FromMinutes(2) ? localizer["in {0} seconds", Math.Ceiling(wait.TotalSeconds)]
            : localizer["in {0} minutes", Math.Ceiling(wait.TotalMinutes)];
    }

    /// <summary>The same words for a code that was never sent to this user and a wrong one.</summary>
    public string SmsCode(SmsCodeResult check) => check.Check switch
    {
        SmsCodeVerdict.Accepted => localizer["The code is correct."],
        SmsCodeVerdict.Wrong when check.AttemptsLeft == 1 => localizer["That code is not correct. 1 attempt left for this code."],
        SmsCodeVerdict.Wrong when check.AttemptsLeft > 0 => localizer["That code is not correct. {0} attempts left for this code.",
            check.AttemptsLeft],
        SmsCodeVerdict.Wrong => localizer["That code is not correct. Send a new code."],
        SmsCodeVerdict.TooManyAttempts => localizer["The code was entered wrong too many times. Send a new code."],
        SmsCodeVerdict.Expired => localizer["That code has expired. Send a new code."],
        SmsCodeVerdict.AlreadyUsed => localizer["That code has already been used. Send a new code."],
        SmsCodeVerdict.Replaced => localizer["That code was replaced by a newer one. Enter the code from the latest SMS."],
        SmsCodeVerdict.Malformed => MalformedCode,
        _ => localizer["No code has been sent yet. Send a code first."],
    };

    /// <summary>The same words whether or not a code was ever sent, so nothing is given away.</summary>
    public string ResetCode(ResetCodeResult check) => check.Check switch
    {
        ResetCodeVerdict.Accepted => localizer["The code is correct."],
        ResetCodeVerdict.Wrong when check.AttemptsLeft == 1
            => localizer["That code is not correct, or a newer code was sent since. 1 attempt left."],
        ResetCodeVerdict.Wrong => localizer["That code is not correct, or a newer code was sent since. {0} attempts left.",
            check.AttemptsLeft],
        ResetCodeVerdict.Expired => localizer["That code has expired. Send a new code."],
        ResetCodeVerdict.Locked => localizer["The code was entered wrong too many times, so this reset is locked. Start again."],
        ResetCodeVerdict.TooManyFromAddress => localizer["Too many wrong codes were entered from your network. Try again in an hour."],
        ResetCodeVerdict.Malformed => MalformedCode,
        _ => ResetOver,
    };

    /// <summary>A code of the wrong shape: refused before it is compared, so it costs no attempt.</summary>
    public string MalformedCode =>
        localizer["That is not the whole code: it is only digits, as many as the message shows. Check it and enter it again; "
            + "this did not count as an attempt."];

    public string MalformedAppCode =>
        localizer["An authenticator app shows 6 digits: check them and enter them again; this did not count as an attempt."];

    public string ResetOver => localizer["This reset is no longer valid. Start again."];
}
