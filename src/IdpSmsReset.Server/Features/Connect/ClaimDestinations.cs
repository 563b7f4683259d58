using IdpSmsReset.Server.Features.Account;
using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Which token each claim may travel in. A claim with no destination stays in the authorization code and the
/// refresh token only, readable by this server and no one else.
/// </summary>
internal static class ClaimDestinations
{
    public static IEnumerable<string> For(Claim claim)
    {
        var identity = claim.Subject;
        switch (claim.Type)
        {
            case Claims.Subject:
                return [Destinations.AccessToken, Destinations.IdentityToken];

            case Claims.Name or Claims.PreferredUsername:
                return WithIdentityTokenIf(identity, Scopes.Profile);

            case Claims.Email or Claims.EmailVerified:
                return WithIdentityTokenIf(identity, Scopes.Email);

            case Claims.PhoneNumber or Claims.PhoneNumberVerified:
                return WithIdentityTokenIf(identity, Scopes.Phone);

            case Claims.AuthenticationMethodReference or Claims.AuthenticationTime or Claims.AuthenticationContextReference
                or SessionCookies.IdentityProviderClaim:
                return [Destinations.AccessToken, Destinations.IdentityToken];

            case Claims.Role:
                return [Destinations.AccessToken];

            // OpenID Connect's session id: a relying application matches it against logout requests.
            case SessionCookies.SessionIdClaim:
                return [Destinations.IdentityToken];

            default:
                return [];
        }
    }

    private static IEnumerable<string> WithIdentityTokenIf(ClaimsIdentity? identity, string scope) =>
        identity?.HasScope(scope) == true ? [Destinations.AccessToken, Destinations.IdentityToken] : [Destinations.AccessToken];
}
