using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace IdpSmsReset.Server.Features.Dev.Try;

/// <summary>
/// One sign-in started at <c>/dev/try</c>: what the callback needs to check the answer (state, nonce) and redeem the code
/// (the PKCE verifier). Kept in the browser, encrypted with the shared key ring, as a relying application keeps it: no
/// instance's memory holds it, so the callback may land on any instance.
/// </summary>
public sealed record TryFlow(string ClientId, string? ClientSecret, string State, string Nonce, string Verifier, DateTimeOffset StartedAt)
{
    public const string CookieName = "idp.dev-try";

    private const string Purpose = "IdpSmsReset.Dev.Try";

    /// <summary>A sign-in left for longer than this is refused at the callback and started again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public static TryFlow Start(string clientId, string? clientSecret, DateTimeOffset now) =>
        new(clientId, clientSecret, Random(), Random(), Random(), now);

    /// <summary>RFC 7636's S256 challenge of <see cref="Verifier"/>.</summary>
    public string Challenge => Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Verifier)));

    public void Save(HttpResponse response, IDataProtectionProvider protection) =>
        response.Cookies.Append(CookieName, protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(this)), new CookieOptions
        {
            // Lax: the callback is a top-level redirect from the authorization endpoint.
            HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/dev/try", Secure = response.HttpContext.Request.IsHttps,
            MaxAge = Lifetime,
        });

    public static TryFlow? Read(HttpRequest request, IDataProtectionProvider protection)
    {
        try
        {
            return request.Cookies[CookieName] is { } cookie
                ? JsonSerializer.Deserialize<TryFlow>(protection.CreateProtector(Purpose).Unprotect(cookie))
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            return null;
        }
    }

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
