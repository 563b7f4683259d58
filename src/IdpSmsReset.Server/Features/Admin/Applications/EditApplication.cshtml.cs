using IdpSmsReset.Server.Features.Shared.Confirmation;
using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Server.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>
/// Creates or edits an OIDC application, and rotates its secret (<see cref="ApplicationAdministration"/>). A secret is
/// shown once, when made; OpenIddict keeps only its hash.
/// </summary>
public sealed class EditApplicationModel(
    ApplicationAdministration administration, ThemeCatalog themes, AdminChanges changes, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    [BindProperty(SupportsGet = true, Name = "clientId")]
    public string? ExistingClientId { get; set; }

    [BindProperty]
    public ApplicationForm Input { get; set; } = new();

    /// <summary>Set once, right after a secret was made: the only time anyone sees it.</summary>
    public string? NewSecret { get; private set; }

    public bool IsNew => ExistingClientId is null;

    public IEnumerable<string> Themes => themes.Names;

    public async Task<IActionResult> OnGetAsync()
    {
        if (IsNew)
        {
            return Page();
        }

        if (await administration.FindAsync(ExistingClientId!, HttpContext.RequestAborted) is not { } application)
        {
            return NotFound();
        }

        Input = ApplicationForm.From(application);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var saved = await administration.SaveAsync(
            ExistingClientId, Input.ToApplication(secret: null), [.. themes.Names], changes.Current, HttpContext.RequestAborted);
        if (!IsNew && saved.Problems.Any(p => p.Field == "clientId"))
        {
            return NotFound();
        }

        if (!saved.Succeeded)
        {
            if (!IsNew && await administration.FindAsync(ExistingClientId!, HttpContext.RequestAborted) is { } stored)
            {
                // The client id and the type stay what they are; the form shows them as they are.
                (Input.ClientId, Input.Type) = (stored.ClientId, stored.Type!);
            }

            foreach (var (field, problem) in saved.Problems)
            {
                ModelState.AddModelError(ApplicationForm.KeyOf(field), problem);
            }

            return Page();
        }

        var clientId = IsNew ? Input.ClientId?.Trim() : ExistingClientId;
        TempData["Notice"] = localizer["The application '{0}' was saved.", clientId ?? ""].Value;
        if (saved.NewSecret is null)
        {
            return RedirectToPage("/Admin/Applications/Applications");
        }

        NewSecret = saved.NewSecret;
        ExistingClientId = clientId;
        return Page();
    }

    [Confirm(
        "A new secret is made and shown once; the old secret stops working at once, so the application fails until it has the new one.",
        "Rotate the secret")]
    public async Task<IActionResult> OnPostRotateSecretAsync()
    {
        if (ExistingClientId is null || await administration.FindAsync(ExistingClientId, HttpContext.RequestAborted) is not { } application)
        {
            return NotFound();
        }

        Input = ApplicationForm.From(application);
        var rotated = await administration.RotateSecretAsync(ExistingClientId, changes.Current, HttpContext.RequestAborted);
        foreach (var (_, problem) in rotated.Problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        NewSecret = rotated.NewSecret;
        return Page();
    }
}
