namespace IdpSmsReset.Core.SignIn;

/// <summary>The <c>amr</c> values this server sets (RFC 8176): what a session has proved.</summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";

    public const string Sms = "sms";

    /// <summary>An authenticator app code, or a recovery code (also a one-time password).</summary>
    public const string OneTimePassword = "otp";

    public const string MultiFactor = "mfa";

    public static IReadOnlyList<string> WithSecondFactor(string factor) => [Password, factor, MultiFactor];
}
