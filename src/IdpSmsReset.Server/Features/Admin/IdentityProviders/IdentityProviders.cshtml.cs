using IdpSmsReset.Core.Federation;
using IdpSmsReset.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Admin.IdentityProviders;

/// <summary>
/// The outside identity providers people sign in through, each with the redirect URI to register at it. Disabling one
/// (on its page) stops new sign-ins through it at once; its links stay, for when it comes back.
/// </summary>
public sealed class IdentityProvidersModel(Core.Federation.IdentityProviders providers, IOptions<IdpOptions> idp) : PageModel
{
    public IReadOnlyList<IdentityProvider> Rows { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public Uri RedirectUriOf(IdentityProvider provider) => IdentityProviderVocabulary.RedirectUriOf(idp.Value.IssuerUri, provider.Name);

    public async Task OnGetAsync() => Rows = await providers.ListAsync(HttpContext.RequestAborted);
}
