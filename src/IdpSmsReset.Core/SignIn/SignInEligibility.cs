using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The one answer to "may this user still sign in": every way in asks it (password, passkey alone, second factor, the
/// session behind a cookie, the token endpoint's user grants, token exchange, device approval), so a rule added here
/// (a disabled account, <see cref="SignInRefusal.Disabled"/>) reaches all of them at once. Identity's own confirmation
/// switches are honoured as its
/// sign-in manager honours them; a locked account may not.
/// </summary>
public sealed class SignInEligibility(UserManager<ApplicationUser> users, SecurityPolicyService policies)
{
    public async Task<bool> MaySignInAsync(ApplicationUser user) => await RefusalAsync(user) == SignInRefusal.None;

    /// <summary>Why <paramref name="user"/> may not sign in, or <see cref="SignInRefusal.None"/>.</summary>
    public async Task<SignInRefusal> RefusalAsync(ApplicationUser user)
    {
        if (user.DisabledAt is not null)
        {
            return SignInRefusal.Disabled;
        }

        var required = users.Options.SignIn;
        var confirmed = (!required.RequireConfirmedEmail || await users.IsEmailConfirmedAsync(user))
            && (!required.RequireConfirmedAccount || await users.IsEmailConfirmedAsync(user))
            && (!required.RequireConfirmedPhoneNumber || await users.IsPhoneNumberConfirmedAsync(user));
        return !confirmed ? SignInRefusal.NotAllowed
            : await users.IsLockedOutAsync(user) ? SignInRefusal.LockedOut
            : SignInRefusal.None;
    }

    /// <summary>
    /// Whether a passkey alone signs the user in: the user may sign in, the user's policy allows passwordless sign-in,
    /// and the passkey verified its user (then it proves two factors and meets a policy requiring MFA).
    /// </summary>
    public async Task<PasswordlessRefusal> PasswordlessAsync(ApplicationUser user, bool userVerified,
        CancellationToken cancellationToken) =>
        !await MaySignInAsync(user) ? PasswordlessRefusal.MayNotSignIn
        : (await policies.ForUserAsync(user, cancellationToken)).Mfa is not { Passwordless: true, PasskeyEnabled: true }
            ? PasswordlessRefusal.PolicyAsksForThePassword
        : !userVerified ? PasswordlessRefusal.UserNotVerified
        : PasswordlessRefusal.None;
}

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
