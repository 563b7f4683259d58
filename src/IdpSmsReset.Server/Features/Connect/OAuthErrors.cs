using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>RFC 6749 error responses, rendered by OpenIddict (redirect, JSON or error page as the endpoint requires).</summary>
internal static class OAuthErrors
{
    // error_description must stay ASCII English: RFC 6749 section 5.2 restricts its characters.
    public static IResult Forbid(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public static IResult InvalidGrant(string description) => Forbid(Errors.InvalidGrant, description);
}
