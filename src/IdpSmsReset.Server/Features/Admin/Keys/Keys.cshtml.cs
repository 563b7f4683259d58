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
