using System.Security.Claims;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// Identity's periodic cookie check (security stamp), extended: a session ended from the account page or by an
/// administrator fails it too, so that browser is signed out at its next check.
/// </summary>
internal sealed class SessionValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<ApplicationUser> signIn, ILoggerFactory logger,
        UserSessionService sessions)
    : SecurityStampValidator<ApplicationUser>(options, signIn, logger)
{
    protected override async Task<ApplicationUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        if (user is null || principal is null)
        {
            return null;
        }

        return SessionCookies.CurrentSessionId(principal) is { } sessionId && await sessions.TouchAsync(user.Id, sessionId,
            CancellationToken.None)
            ? user
            : null;
    }
}
