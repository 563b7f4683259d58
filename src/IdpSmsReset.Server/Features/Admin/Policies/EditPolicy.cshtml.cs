using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Policies;

/// <summary>Creates a policy or edits every section of one, under <see cref="SecurityPolicyRules"/>.</summary>
public sealed class EditPolicyModel(
    PolicyDirectory directory, PolicyAdministration administration, AdminChanges changes, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public const string NeedsSmsFactor = "Switch on the SMS factor in this policy's MFA section and save; then SMS reset can be switched" +
        " on.";
    public const string NeedsTwilio = "The SMS factor has no validated Twilio account yet, so no SMS can be sent.";

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public bool IsDefault { get; set; }

    [BindProperty]
    public PasswordRules Password { get; set; } = new();

    [BindProperty]
    public LockoutRules Lockout { get; set; } = new();

    [BindProperty]
    public MfaRules Mfa { get; set; } = new();

    [BindProperty]
    public PasswordResetRules PasswordReset { get; set; } = new();

    /// <summary>Why SMS reset cannot be switched on, with where to fix it; null when it can.</summary>
    public (string Reason, string FixUrl)? SmsResetBlocked { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            var policy = await directory.FindAsync(id, HttpContext.RequestAborted);
            if (policy is null)
            {
                return NotFound();
            }

            (Name, IsDefault, Password, Lockout, Mfa, PasswordReset) = (policy.Name, policy.IsDefault, policy.Password, policy.Lockout,
                policy.Mfa, policy.PasswordReset);
        }

        await ExplainSmsResetAsync(savedSmsFactor: Mfa.SmsEnabled);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var saved = Id is { } id ? await directory.FindAsync(id, HttpContext.RequestAborted) : null;
        if (Id is not null && saved is null)
        {
            return NotFound();
        }

        await ExplainSmsResetAsync(savedSmsFactor: saved?.Mfa.SmsEnabled ?? false);
        var typed = new SecurityPolicy
        {
            Name = Name ?? "", IsDefault = IsDefault, Password = Password, Lockout = Lockout, Mfa = Mfa, PasswordReset = PasswordReset,
        };
        if (!ModelState.IsValid)
        {
            // Values that were not numbers have their message; every other problem is said at the same time.
            foreach (var (field,
                problem) in SecurityPolicyRules.Validate(typed).Where(p => ModelState[KeyOf(p.Field)]?.Errors.Count is null or 0))
            {
                ModelState.AddModelError(KeyOf(field), problem);
            }

            return Page();
        }

        var result = await administration.SaveAsync(Id, typed, changes.Current, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(KeyOf(field), problem);
            }

            return Page();
        }

        TempData["Notice"] = localizer["The policy '{0}' was saved.", typed.Name.Trim()].Value;
        return RedirectToPage("/Admin/Policies/Policies");
    }

    // The factors and SMS reset are check boxes here, not lists.
    private static readonly Dictionary<string, string> ShownAs = new()
    {
        ["mfa.factors"] = "Mfa.SmsEnabled",
        ["passwordReset.sms"] = "PasswordReset.SmsEnabled",
    };

    /// <summary>The form field of a rule's field name: <c>password.minLength</c> → <c>Password.MinLength</c>.</summary>
    public static string KeyOf(string field) => FormFieldKey.Of(field, shownAs: ShownAs);

    private async Task ExplainSmsResetAsync(bool savedSmsFactor)
    {
        SmsResetBlocked = !savedSmsFactor ? (NeedsSmsFactor, "#mfa")
            : !await directory.SmsFactorConfiguredAsync(HttpContext.RequestAborted) ? (NeedsTwilio, "/admin/factors")
            : null;
    }
}
