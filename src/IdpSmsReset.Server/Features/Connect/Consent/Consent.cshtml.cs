using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect.Consent;

/// <summary>
/// Shows what an application asks for. The decision is posted, with the request and an anti-forgery token, to the
/// authorization endpoint, which validates the request again before acting on it.
/// </summary>
public sealed class ConsentModel(IOpenIddictApplicationManager applications) : PageModel
{
    public string ApplicationName { get; private set; } = "";

    public IReadOnlyList<string> Requested { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, StringValues>> RequestParameters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var clientId = Request.Query[Parameters.ClientId].ToString();
        var application = string.IsNullOrEmpty(clientId) ? null : await applications.FindByClientIdAsync(clientId);
        if (application is null)
        {
            return Redirect("/error/400");
        }

        ApplicationName = await applications.GetLocalizedDisplayNameAsync(application) ?? clientId;
        Requested = ScopeDescriptions.Of(Request.Query[Parameters.Scope].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        RequestParameters = AuthorizationRequestUrl.ParametersOf(Request).ToList();
        return Page();
    }
}
