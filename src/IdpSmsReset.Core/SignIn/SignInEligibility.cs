using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// The one answer to "may this user still sign in": every way in asks it (password, passkey alone, second factor, the
/// session behind a cookie, the token endpoint's user grants, token exchange, device approval), so a rule added here
/// (a disabled account, say) reaches all of them at once. Identity's own confirmation switches are honoured as its
/// sign-in manager honours them; a locked account may not.
/// </summary>
public sealed class SignInEligibility(UserManager<ApplicationUser> users)
{
    public async Task<bool> MaySignInAsync(ApplicationUser user)
    {
        var required = users.Options.SignIn;
        return (!required.RequireConfirmedEmail || await users.IsEmailConfirmedAsync(user))
            && (!required.RequireConfirmedAccount || await users.IsEmailConfirmedAsync(user))
            && (!required.RequireConfirmedPhoneNumber || await users.IsPhoneNumberConfirmedAsync(user))
            && !await users.IsLockedOutAsync(user);
    }
}
