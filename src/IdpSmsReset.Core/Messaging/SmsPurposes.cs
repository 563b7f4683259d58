namespace IdpSmsReset.Core.Messaging;

/// <summary>Why a message is sent; recorded for the message log (never the text).</summary>
public static class SmsPurposes
{
    public const string PasswordReset = "password-reset";
    public const string SecondFactor = "second-factor";
    public const string PhoneVerification = "phone-verification";
    public const string Notice = "notice";
    public const string Test = "test";
}
