using Microsoft.AspNetCore.Authentication;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>The user behind the session cookie, if that user still exists and may still sign in.</summary>
internal sealed record SignedInSession(ApplicationUser User, IReadOnlyList<string> Methods, DateTimeOffset? AuthenticatedAt)
{
    public static async Task<SignedInSession?> ReadAsync(HttpContext context, SignInManager<ApplicationUser> signIn)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded)
        {
            return null;
        }

        var user = await signIn.UserManager.GetUserAsync(result.Principal);
        if (user is null || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return null;
        }

        var methods = result.Principal.FindAll(Claims.AuthenticationMethodReference).Select(claim => claim.Value).ToList();
        return new SignedInSession(user, methods.Count > 0 ? methods : [AuthenticationMethods.Password], result.Properties.IssuedUtc);
    }
}
