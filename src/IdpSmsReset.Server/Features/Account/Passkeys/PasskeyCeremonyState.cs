using Microsoft.AspNetCore.DataProtection;

namespace IdpSmsReset.Server.Features.Account.Passkeys;

/// <summary>
/// The challenge of a passkey ceremony between the options and the browser's answer: a protected cookie of its own.
/// Identity's own helpers keep it in the two-factor cookie, which here holds the pending sign-in (and signing it out
/// would end that sign-in). Protected with the shared key ring, so any instance can finish what another began; bound to
/// the operation and the user it was made for; five minutes; read once.
/// </summary>
public sealed class PasskeyCeremonyState(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "idp.passkey";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("IdpSmsReset.PasskeyCeremony").ToTimeLimitedDataProtector();

    public void Store(HttpContext context, string operation, string? userId, string? state) =>
        context.Response.Cookies.Append(CookieName, _protector.Protect(string.Join('\n', operation, userId ?? "", state ?? ""),
            time.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/",
            MaxAge = Lifetime, IsEssential = true,
        });

    /// <summary>
    /// The state of <paramref name="operation"/> begun for <paramref name="userId"/>; null when there is none (or it
    /// expired).
    /// </summary>
    public string? Take(HttpContext context, string operation, string? userId)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var protectedValue))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        try
        {
            var parts = _protector.Unprotect(protectedValue).Split('\n', 3);
            return parts.Length == 3 && parts[0] == operation && parts[1] == (userId ?? "") ? parts[2] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
