using System.ComponentModel.DataAnnotations;
using IdpSmsReset.Core.Applications.Registration;
using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Server.Features.Admin.Applications;

/// <summary>
/// Initial access tokens for dynamic client registration: issue one (shown once, on this answer only: never in a
/// redirect, a cookie or the log), see them with their uses, revoke one.
/// </summary>
public sealed class RegistrationTokensModel(
    InitialAccessTokens tokens, IOptions<DynamicClientRegistrationOptions> options, AdminChanges changes, TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Mode => options.Value.Mode;

    public IReadOnlyList<InitialAccessToken> Rows { get; private set; } = [];

    public DateTime Now { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Say what the token is for.")]
    [StringLength(200, ErrorMessage = "At most 200 characters.")]
    public string? Description { get; set; }

    [BindProperty]
    [Range(1, 365, ErrorMessage = "Between 1 and 365 days.")]
    public int LifetimeDays { get; set; } = 7;

    [BindProperty]
    public bool OneTime { get; set; } = true;

    /// <summary>The token just issued: on this page once.</summary>
    public string? IssuedToken { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        if (ModelState.IsValid)
        {
            var (token, _, problems) = await tokens.IssueAsync(Description, TimeSpan.FromDays(LifetimeDays), OneTime, changes.Current,
                HttpContext.RequestAborted);
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field == "lifetime" ? nameof(LifetimeDays) : nameof(Description), problem.Problem);
            }

            IssuedToken = token;
        }

        await LoadAsync();
        return Page();
    }

    [Confirm("The token stops working at once: applications that have not registered with it yet cannot.", "Revoke the token")]
    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        Notice = await tokens.RevokeAsync(id, changes.Current, HttpContext.RequestAborted)
            ? localizer["The token was revoked."]
            : localizer["That token was revoked already, or does not exist."];
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        Rows = await tokens.ListAsync(HttpContext.RequestAborted);
    }
}
