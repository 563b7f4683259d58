using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>Writes the claims that describe a user into a token identity, fresh from the database.</summary>
internal sealed class UserClaims(UserManager<ApplicationUser> users)
{
    private string SecurityStampClaimType => users.Options.ClaimsIdentity.SecurityStampClaimType;

    public static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);

    /// <summary>Claims for a user who has just signed in (authorization endpoint).</summary>
    public async Task<ClaimsIdentity> CreateAsync(
        ApplicationUser user, ImmutableArray<string> scopes, IEnumerable<string> methods, DateTimeOffset? authenticatedAt)
    {
        var identity = NewIdentity();
        identity.SetScopes(scopes);
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. methods]);
        identity.SetClaim(Claims.AuthenticationContextReference, AuthenticationContexts.Of(methods));
        if (authenticatedAt is { } time)
        {
            identity.AddClaim(new Claim(
                Claims.AuthenticationTime, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        await RefreshAsync(identity, user);
        return identity;
    }

    /// <summary>Replaces every user-describing claim, so that a renamed user or a changed role shows in the next token.</summary>
    public async Task RefreshAsync(ClaimsIdentity identity, ApplicationUser user)
    {
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName ?? user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.PhoneNumber, user.PhoneNumber)
            .SetClaim(SecurityStampClaimType, user.SecurityStamp)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);

        SetBoolean(identity, Claims.EmailVerified, user.Email is null ? null : user.EmailConfirmed);
        SetBoolean(identity, Claims.PhoneNumberVerified, user.PhoneNumber is null ? null : user.PhoneNumberConfirmed);
    }

    /// <summary>False once the password (and so the security stamp) changed after the grant was issued.</summary>
    public bool HasCurrentSecurityStamp(ClaimsPrincipal principal, ApplicationUser user) =>
        string.Equals(principal.GetClaim(SecurityStampClaimType), user.SecurityStamp, StringComparison.Ordinal);

    // Typed as a boolean so that it is a JSON true/false in the tokens, as OpenID Connect defines it.
    private static void SetBoolean(ClaimsIdentity identity, string type, bool? value)
    {
        identity.RemoveClaims(type);
        if (value is { } flag)
        {
            identity.AddClaim(new Claim(type, flag ? "true" : "false", ClaimValueTypes.Boolean));
        }
    }
}
