using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging.FraudGuard;
using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Messages;

/// <summary>
/// SMS by country (the last 24 hours and 7 days, against the budgets, with surge marks and estimated cost) and the
/// messages the fraud guard holds, to release or discard by the budget that held them.
/// </summary>
public sealed class CountriesModel(
    SmsFraudGuardReport report, SmsFraudGuardAdministration guard, SmsFraudGuardDirectory settings, AdminChanges changes,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<SmsCountryFigures> Countries { get; private set; } = [];

    public IReadOnlyList<HeldSmsGroup> Held { get; private set; } = [];

    public string Currency { get; private set; } = "USD";

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Countries = await report.CountriesAsync(HttpContext.RequestAborted);
        Held = await report.HeldAsync(HttpContext.RequestAborted);
        Currency = (await settings.SettingsAsync(HttpContext.RequestAborted)).Currency;
    }

    public async Task<IActionResult> OnPostReleaseAsync(string? scope)
    {
        var released = await guard.ReleaseHeldAsync(scope, changes.Current, HttpContext.RequestAborted);
        Notice = localizer["{0} held messages were released and are on their way.", released];
        return RedirectToPage();
    }

    [Confirm("The held messages are discarded: they are never sent, and the codes they carry never arrive.", "Discard them")]
    public async Task<IActionResult> OnPostDiscardAsync(string? scope)
    {
        var discarded = await guard.DiscardHeldAsync(scope, changes.Current, HttpContext.RequestAborted);
        Notice = localizer["{0} held messages were discarded.", discarded];
        return RedirectToPage();
    }
}
