namespace IdpSmsReset.Core.SignIn;

/// <summary>What showing a second factor came to (<see cref="SecondFactorCheck"/>).</summary>
public enum SecondFactorOutcome
{
    Accepted,

    /// <summary>Wrong, counted; the user may try again.</summary>
    Refused,

    /// <summary>Not a code of the method's shape (a digit short, a letter): not compared, not counted.</summary>
    Malformed,

    /// <summary>Wrong, and the count reached the policy's limit: the account is locked and the pending sign-in is over.</summary>
    LockedOut,
}
