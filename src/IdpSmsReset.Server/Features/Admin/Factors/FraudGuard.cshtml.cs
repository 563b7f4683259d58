using IdpSmsReset.Core.Administration;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Factors;

/// <summary>The SMS factor's fraud guard: budgets, surge factor, VoIP and the price table; saved through Core's command.</summary>
public sealed class FraudGuardModel(
    SmsFraudGuardAdministration guard, AdminChanges changes, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public FraudGuardForm Guard { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => Guard = FraudGuardForm.Of(await guard.GetAsync(HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (definition, problems) = Guard.ToDefinition();
        var result = definition is null ? CommandResult.Refused(problems)
            : await guard.SaveAsync(definition, changes.Current, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(FraudGuardForm.KeyOf(field), $"{field}: {localizer[problem]}");
            }

            return Page();
        }

        Notice = localizer["The fraud guard's settings are saved; they apply to the next message on every instance."];
        return RedirectToPage();
    }
}
