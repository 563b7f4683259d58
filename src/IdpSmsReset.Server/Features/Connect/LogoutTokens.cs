using System.Security.Claims;
using IdpSmsReset.Core.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Server.Features.Connect;

/// <summary>
/// Logout Tokens (OpenID Connect Back-Channel Logout 1.0, section 2.4), signed with the key OpenIddict signs ID tokens
/// with, so an application checks them against the same JWKS: <c>typ</c> <c>logout+jwt</c>; <c>iss</c>, <c>aud</c>,
/// <c>iat</c>, <c>exp</c>, <c>jti</c>, <c>sub</c>, <c>sid</c> and the back-channel logout event; never a <c>nonce</c>.
/// </summary>
public sealed class LogoutTokens(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider time) : ILogoutTokens
{
    public const string TokenType = "logout+jwt";
    public const string BackchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>How long an application may take to receive it (the spec recommends a short lifetime).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public string Create(string clientId, string subject, string sessionId)
    {
        var options = server.CurrentValue;
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer?.AbsoluteUri,
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = TokenType,
            SigningCredentials = options.SigningCredentials.First(),
            Subject = new ClaimsIdentity([
                new Claim(Claims.Subject, subject),
                new Claim(Claims.JwtId, Guid.NewGuid().ToString("n")),
                new Claim("sid", sessionId),
            ]),
            Claims = new Dictionary<string, object>
            {
                ["events"] = new Dictionary<string, object> { [BackchannelLogoutEvent] = new Dictionary<string, object>() },
            },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
