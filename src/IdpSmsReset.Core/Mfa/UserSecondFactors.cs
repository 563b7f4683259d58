namespace IdpSmsReset.Core.Mfa;

/// <summary>A user's second factors at this moment.</summary>
public sealed record UserSecondFactors(bool PolicyRequires, string? SmsPhone, bool HasAuthenticator, bool CanEnrolPhone,
    bool CanEnrolAuthenticator, bool HasPasskey = false, bool SmsChosen = false)
{
    public bool CanUseSms => SmsPhone is not null;

    /// <summary>
    /// Asked after the password: required by the policy, or chosen by the user (an app or a passkey enrolled, SMS two-step
    /// turned on with a number that can still receive the codes).
    /// </summary>
    public bool IsRequired => PolicyRequires || HasAuthenticator || HasPasskey || (SmsChosen && CanUseSms);

    public bool HasUsableFactor => CanUseSms || HasAuthenticator || HasPasskey;

    /// <summary>Required, but nothing to show: the user must enrol before signing in.</summary>
    public bool NeedsEnrolment => IsRequired && !HasUsableFactor;

    public bool CanEnrol => CanEnrolPhone || CanEnrolAuthenticator;
}
