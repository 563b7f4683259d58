using IdpSmsReset.Core.Recovery;

namespace IdpSmsReset.Server.Features.Account.ForgotPassword;

/// <summary>
/// The browser's hold on its reset flow: the flow id and a secret only this browser has (the database keeps its
/// hash). A code typed in another browser, or for another flow, meets no flow of its own.
/// </summary>
public sealed class ResetFlowCookie(PasswordResetStarter resets)
{
    public const string Name = "idp.reset";

    public static void Write(HttpContext context, Guid flowId, string browserKey, DateTime expiresAt) =>
        context.Response.Cookies.Append(Name, $"{flowId:n}.{browserKey}", new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = "/account",
            Expires = new DateTimeOffset(DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc)),
        });

    public static void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/account" });

    /// <summary>This browser's flow, if it has one that has not expired.</summary>
    public async Task<PasswordResetFlow?> ReadAsync(HttpContext context)
    {
        var value = context.Request.Cookies[Name];
        var dot = value?.IndexOf('.') ?? -1;
        return dot > 0 && Guid.TryParseExact(value![..dot], "n", out var flowId)
            ? await resets.FindAsync(flowId, value[(dot + 1)..], context.RequestAborted)
            : null;
    }
}
