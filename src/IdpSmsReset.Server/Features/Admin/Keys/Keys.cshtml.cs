using IdpSmsReset.Server.Features.Shared.Confirmation;
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
    TokenKeyRing ring, TokenKeyCommands commands, IOptions<TokenKeyOptions> options, AdminChanges changes, TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public bool FromDatabase { get; private set; }

    public IReadOnlyList<TokenKey> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    public TimeSpan RetainAfter => options.Value.RetainAfter;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        FromDatabase = commands.Available;
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
        if (!commands.Available)
        {
            return NotFound();
        }

        if (!ConfirmRevoke)
        {
            Notice = localizer["Tick the box to confirm: tokens the key signed stop working at once."];
            return RedirectToPage();
        }

        if (RevokeKeyId is null || !await commands.RevokeAsync(RevokeKeyId, changes.Current, HttpContext.RequestAborted))
        {
            Notice = localizer["That key is no longer published: there is nothing to revoke."];
            return RedirectToPage();
        }

        Notice = localizer["The key was revoked: it is no longer published or trusted, and tokens it signed no longer work. Users"
            + " signed in to applications with those tokens sign in again."];
        return RedirectToPage();
    }

    [Confirm(
        "New keys sign every token from now on; the current ones stay published until the tokens they signed expire.",
        "Rotate the keys now")]
    public async Task<IActionResult> OnPostRotateAsync()
    {
        if (!commands.Available)
        {
            return NotFound();
        }

        await commands.RotateAsync(changes.Current, HttpContext.RequestAborted);
        Notice = localizer["New keys sign and encrypt from now on; the previous ones stay published so that tokens already issued"
            + " keep working."];
        return RedirectToPage();
    }
}
