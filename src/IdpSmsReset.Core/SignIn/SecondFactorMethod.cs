namespace IdpSmsReset.Core.SignIn;

/// <summary>The ways to show a second factor, as named in the second-factor page's <c>method</c> parameter.</summary>
public static class SecondFactorMethod
{
    public const string App = "app";
    public const string Sms = "sms";
    public const string Recovery = "recovery";
    public const string Passkey = "passkey";

    /// <summary>The <c>amr</c> value a session gets for the method shown (a recovery code is a one-time password too).</summary>
    public static string AmrOf(string method) =>
        method == Sms ? AuthenticationMethods.Sms : AuthenticationMethods.OneTimePassword;
}
