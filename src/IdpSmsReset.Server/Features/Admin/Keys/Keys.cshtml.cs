using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Keys;
using IdpSmsReset.Server.Keys;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Admin.Keys;

/// <summary>The keys that sign and encrypt tokens, their schedule, and a rotation on demand (never the key material).</summary>
public sealed class KeysModel(
    TokenKeyRing ring, IOptions<TokenKeyOptions> options, IServiceProvider services, AdminChanges changes, TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    // Registered only with Idp:Keys:Source Database (KeysHosting): with certificate files there is nothing to list.
    private TokenKeyCredentials? Credentials => services.GetService<TokenKeyCredentials>();

    public bool FromDatabase { get; private set; }

    public IReadOnlyList<TokenKey> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    public TimeSpan RetainAfter => options.Value.RetainAfter;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        FromDatabase = Credentials is not null;
        Rows = FromDatabase ? await ring.ListAsync(HttpContext.RequestAborted) : [];
    }

    /// <summary>The key to revoke, and the administrator's tick that tokens it signed may die with it.</summary>
    [BindProperty]
    public string? RevokeKeyId { get; set; }

    [BindProperty]
    public bool ConfirmRevoke { get; set; }

    /// <summary>For a key believed stolen: unlike a rotation, it is taken out of the published keys and of validation now.</summary>
    public async Task<IActionResult> OnPostRevokeAsync()
    {
        if (Credentials is not { } credentials)
        {
            return NotFound();
        }

        if (!ConfirmRevoke)
        {
            Notice = localizer["Tick the box to confirm: tokens the key signed stop working at once."];
            return RedirectToPage();
        }

        if (RevokeKeyId is null || !await ring.RevokeAsync(RevokeKeyId, HttpContext.RequestAborted))
        {
            Notice = localizer["That key is no longer published: there is nothing to revoke."];
            return RedirectToPage();
        }

        // This instance drops it from the next request; the others within a second (the change stamp).
        await credentials.ReloadAsync(HttpContext.RequestAborted, changed: true);
        await changes.WriteAsync(AdminEventTypes.TokenKeyRevoked, null, new { key = RevokeKeyId },
            new { key = RevokeKeyId, revoked = true }, HttpContext.RequestAborted);
        Notice = localizer["The key was revoked: it is no longer published or trusted, and tokens it signed no longer work. Users"
            + " signed in to applications with those tokens sign in again."];
        return RedirectToPage();
    }

    [Confirm(
        "New keys sign every token from now on; the current ones stay published until the tokens they signed expire.",
        "Rotate the keys now")]
    public async Task<IActionResult> OnPostRotateAsync()
    {
        if (Credentials is not { } credentials)
        {
            return NotFound();
        }

        var before = (await ring.HeldAsync(HttpContext.RequestAborted)).Select(key => key.KeyId).ToList();
        await ring.RotateNowAsync(HttpContext.RequestAborted);
        // This instance signs with the new key from the next request; the others within a second (the change stamp).
        await credentials.ReloadAsync(HttpContext.RequestAborted, changed: true);
        var after = (await ring.HeldAsync(HttpContext.RequestAborted)).Select(key => key.KeyId).ToList();
        await changes.WriteAsync(AdminEventTypes.TokenKeysRotated, null, new { keys = before }, new { keys = after },
            HttpContext.RequestAborted);
        Notice = localizer["New keys sign and encrypt from now on; the previous ones stay published so that tokens already issued"
            + " keep working."];
        return RedirectToPage();
    }
}
