using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdpSmsReset.Core.Applications;

/// <summary>
/// The token lifetimes an application may choose. An access token cannot be recalled from a resource server that
/// validates it offline, so it stays under a day; a refresh token must not outlive the signing keys kept to read it
/// back (<c>Idp:Keys:RetainAfter</c>, at least 15 days), so it stays within the server's 14 days.
/// </summary>
public static class TokenLifetimes
{
    public static readonly TokenLifetime AccessToken = new("accessTokenLifetime", Settings.TokenLifetimes.AccessToken,
        application => application.AccessTokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), "minute");

    public static readonly TokenLifetime IdentityToken = new("identityTokenLifetime", Settings.TokenLifetimes.IdentityToken,
        application => application.IdentityTokenLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), "minute");

    public static readonly TokenLifetime RefreshToken = new("refreshTokenLifetime", Settings.TokenLifetimes.RefreshToken,
        application => application.RefreshTokenLifetime, TimeSpan.FromHours(1), TimeSpan.FromDays(14), TimeSpan.FromHours(1), "hour");

    public static readonly IReadOnlyList<TokenLifetime> All = [AccessToken, IdentityToken, RefreshToken];
}
