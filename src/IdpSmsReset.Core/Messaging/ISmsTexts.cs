namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// The words of every SMS, supplied by the host (it knows the public origin for the one-time-code line, and the
/// user's language). A text carrying a code ends with the origin-bound line <c>@host #code</c> so phones can fill it in.
/// </summary>
public interface ISmsTexts
{
    string SignInCode(string code, TimeSpan lifetime);

    string PhoneVerificationCode(string code, TimeSpan lifetime);

    string PhoneChangedNotice();

    /// <param name="resumeLink">For a reset an administrator started: where the user enters the code.</param>
    string PasswordResetCode(string code, TimeSpan lifetime, string? resumeLink);

    string PasswordChangedNotice();

    string PasskeyAddedNotice();
}
