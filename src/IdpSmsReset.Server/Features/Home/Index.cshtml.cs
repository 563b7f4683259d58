using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Home;

public sealed class IndexModel : PageModel
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    public string? UserName => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    public bool JustSignedOut => Request.Query.ContainsKey("signed-out");

    public void OnGet()
    {
    }
}
