using IdpSmsReset.Server.Features.Connect;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;

namespace IdpSmsReset.Server.Features.Account.Logout;

/// <summary>
/// Asks before signing out. The form posts the end-session request's parameters to the end-session endpoint,
/// which signs out and returns the user to the relying application's registered address.
/// </summary>
public sealed class LogoutModel : PageModel
{
    public IReadOnlyList<KeyValuePair<string, StringValues>> RequestParameters { get; private set; } = [];

    public bool IsSignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet() => RequestParameters = AuthorizationRequestUrl.ParametersOf(Request).ToList();
}
