namespace IdpSmsReset.Core.SignIn;

/// <summary>Why a passkey alone did not sign a user in (<see cref="SignInEligibility.PasswordlessAsync"/>).</summary>
public enum PasswordlessRefusal
{
    None,

    /// <summary>The user may not sign in at all (locked, or not confirmed where Identity asks it).</summary>
    MayNotSignIn,

    /// <summary>The user's policy does not allow passwordless sign-in: the password first, then the passkey.</summary>
    PolicyAsksForThePassword,

    /// <summary>The passkey did not verify its user (no PIN or biometrics): it proves possession only.</summary>
    UserNotVerified,
}
