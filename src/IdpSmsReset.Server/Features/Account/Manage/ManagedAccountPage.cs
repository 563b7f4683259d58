using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Account.Manage;

/// <summary>
/// An account page: before any of its handlers runs, the signed-in session is read once (the user still exists and may
/// sign in, the session has not ended); without one the browser is sent to sign in, so no handler checks it again.
/// </summary>
public abstract class ManagedAccountPage(SignInManager<ApplicationUser> signIn) : PageModel
{
    protected UserManager<ApplicationUser> Users => signIn.UserManager;

    private protected CurrentSession Session { get; private set; } = null!;

    protected ApplicationUser CurrentUser => Session.User;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await CurrentSession.ReadAsync(HttpContext, signIn) is not { } session)
        {
            context.Result = Challenge();
            return;
        }

        Session = session;
        await next();
    }
}
