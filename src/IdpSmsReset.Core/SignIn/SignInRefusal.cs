namespace IdpSmsReset.Core.SignIn;

/// <summary>Why a user may not sign in now (<see cref="SignInEligibility.RefusalAsync"/>); each way in words it its own way.</summary>
public enum SignInRefusal
{
    None,

    /// <summary>An administrator disabled the account.</summary>
    Disabled,

    /// <summary>Identity asks for a confirmation (e-mail, phone) the account does not have.</summary>
    NotAllowed,

    /// <summary>Too many wrong passwords or codes: the account is locked until its lockout ends.</summary>
    LockedOut,
}
