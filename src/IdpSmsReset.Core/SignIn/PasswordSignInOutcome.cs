using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// What a name and password came to: <see cref="Next"/> (the journey's next step) when the password was right, else a
/// refusal that reads the same for a real and an unknown account (<see cref="LockedOut"/> with its end, or a wrong
/// name or password).
/// </summary>
public sealed record PasswordSignInOutcome(ApplicationUser? User, SignInDecision? Next, bool LockedOut, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Next is not null;

    public static PasswordSignInOutcome Accepted(ApplicationUser user, SignInDecision next) => new(user, next, false, null);

    public static PasswordSignInOutcome Refused(ApplicationUser? user, bool lockedOut, DateTimeOffset? lockedUntil) =>
        new(user, null, lockedOut, lockedUntil);
}
