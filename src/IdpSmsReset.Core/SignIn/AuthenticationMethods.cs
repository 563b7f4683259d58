namespace IdpSmsReset.Core.SignIn;

/// <summary>The <c>amr</c> values this server sets (RFC 8176): what a session has proved.</summary>
public static class AuthenticationMethods
{
    public const string Password = "pwd";

    /// <summary>An outside identity provider vouched for the user (the first factor of a federated sign-in).</summary>
    public const string Federated = "fed";

    /// <summary>What proves the first factor: the password here, or an outside identity provider.</summary>
    public static bool ProvesFirstFactor(IReadOnlyCollection<string> proved) => proved.Contains(Password) || proved.Contains(Federated);

    public const string Sms = "sms";

    /// <summary>An authenticator app code, or a recovery code (also a one-time password).</summary>
    public const string OneTimePassword = "otp";

    public const string MultiFactor = "mfa";

    /// <summary>A passkey bound to one device (a security key): proof of a hardware-secured key.</summary>
    public const string HardwareKey = "hwk";

    /// <summary>A passkey that may be synced between devices (backup eligible): proof of a software-secured key.</summary>
    public const string SoftwareKey = "swk";

    /// <summary>The amr of a passkey: <c>swk</c> when it can be backed up (synced), <c>hwk</c> when it cannot leave its device.</summary>
    public static string OfPasskey(bool backupEligible) => backupEligible ? SoftwareKey : HardwareKey;

    /// <summary>
    /// A passkey alone that verified its user (PIN or biometrics): something held and something known or been, so
    /// <c>mfa</c> without a password.
    /// </summary>
    public static IReadOnlyList<string> Passwordless(string key) => [key, MultiFactor];

    public static IReadOnlyList<string> WithSecondFactor(string factor) => [Password, factor, MultiFactor];
}
