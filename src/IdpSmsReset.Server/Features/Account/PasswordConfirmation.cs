using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// Asks for the password again before a signed-in user changes how they sign in (phone, authenticator app,
/// recovery codes): a borrowed, unlocked browser must not be enough. Wrong passwords count towards the lockout.
/// </summary>
public sealed class PasswordConfirmation(SignInManager<ApplicationUser> signIn, AccountMessages messages)
{
    /// <summary>Null when the password is right; otherwise what to show beside the field.</summary>
    public async Task<string?> ProblemAsync(ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return messages.PasswordMissing;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        return result.Succeeded ? null : result.IsLockedOut ? messages.Lockout(user.LockoutEnd) : messages.PasswordWrong;
    }
}
