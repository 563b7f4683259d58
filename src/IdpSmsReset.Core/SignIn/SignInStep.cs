namespace IdpSmsReset.Core.SignIn;

/// <summary>Where a sign-in goes next.</summary>
public enum SignInStep
{
    /// <summary>Nothing proved yet: the login page.</summary>
    Password,

    /// <summary>The password is proved and a second factor is due: the second-factor page, with one of the offered methods.</summary>
    SecondFactor,

    /// <summary>A second factor is due but the user has none to show: set one up first (or be told nobody can).</summary>
    Enrol,

    /// <summary>Both factors are shown; the user must choose a new password first (<see cref="RequiredActions.UpdatePassword"/>).</summary>
    UpdatePassword,

    /// <summary>
    /// Both factors are shown (and the password chosen); the user must verify a mobile number first
    /// (<see cref="RequiredActions.VerifyPhone"/>).
    /// </summary>
    VerifyPhone,

    /// <summary>Signed in, with the <c>amr</c> the session carries.</summary>
    Done,
}
