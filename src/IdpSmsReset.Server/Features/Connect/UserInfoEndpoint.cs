using IdpSmsReset.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// The userinfo endpoint (GET and POST): the claims the access token's scopes allow, from a profile no older than
/// <c>Idp:Cache:MaxAge</c> (<see cref="RecentEntries"/>; a change on this instance is seen at once).
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, IdpDbContext database, RecentEntries recent,
        IOptionsMonitor<OpenIddictServerOptions> server)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (token.Principal is { } presented && !IsForThisServer(presented, server.CurrentValue.Issuer))
        {
            // A token made for another resource (token exchange names one) is not a key to the user's profile here.
            return InvalidToken("The access token was issued for another audience.");
        }

        var subject = token.Principal?.GetClaim(Claims.Subject);
        var user = subject is null ? null : await recent.GetOrReadAsync("profile:" + subject, CachedTableWrites.Instance.Users,
            () => new ValueTask<Profile?>(database.Users.AsNoTracking().Where(user => user.Id == subject)
                .Select(user => new Profile(user.Id, user.UserName!, user.DisplayName, user.Email, user.EmailConfirmed,
                    user.PhoneNumber, user.PhoneNumberConfirmed))
                .SingleOrDefaultAsync(context.RequestAborted)), profile => profile);
        if (user is null)
        {
            return InvalidToken("The access token is not valid for any user.");
        }

        var principal = token.Principal!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };

        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName ?? user.UserName;
            claims[Claims.PreferredUsername] = user.UserName;
        }

        if (principal.HasScope(Scopes.Email) && user.Email is not null)
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Phone) && user.PhoneNumber is not null)
        {
            claims[Claims.PhoneNumber] = user.PhoneNumber;
            claims[Claims.PhoneNumberVerified] = user.PhoneNumberConfirmed;
        }

        return Results.Ok(claims);
    }

    /// <summary>Tokens from a sign-in name no audience; one that names audiences must name this server (its issuer).</summary>
    private static bool IsForThisServer(System.Security.Claims.ClaimsPrincipal token, Uri? issuer)
    {
        var audiences = token.GetAudiences();
        return audiences.IsEmpty || (issuer is not null && audiences.Any(audience
            => string.Equals(audience.TrimEnd('/'), issuer.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)));
    }

    private sealed record Profile(string Id, string UserName, string? DisplayName, string? Email, bool EmailConfirmed,
        string? PhoneNumber, bool PhoneNumberConfirmed);

    private static IResult InvalidToken(string description) => Results.Challenge(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
