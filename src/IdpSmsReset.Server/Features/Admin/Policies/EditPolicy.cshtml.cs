using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Server.Features.Admin.Policies;

/// <summary>Creates a policy or edits every section of one, under <see cref="SecurityPolicyRules"/>.</summary>
public sealed class EditPolicyModel(IdpDbContext database, SecurityPolicyService policies, AdminChanges changes) : PageModel
{
    public const string NeedsSmsFactor = "Switch on the SMS factor in this policy's MFA section and save; then SMS reset can be switched on.";
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
            var policy = await database.Set<SecurityPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
            if (policy is null)
            {
                return NotFound();
            }

            (Name, IsDefault, Password, Lockout, Mfa, PasswordReset) = (policy.Name, policy.IsDefault, policy.Password, policy.Lockout, policy.Mfa, policy.PasswordReset);
        }

        await ExplainSmsResetAsync(savedSmsFactor: Mfa.SmsEnabled);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var policy = Id is { } id
            ? await database.Set<SecurityPolicy>().SingleOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted)
            : new SecurityPolicy { Name = "" };
        if (policy is null)
        {
            return NotFound();
        }

        var savedSmsFactor = Id is not null && policy.Mfa.SmsEnabled;
        await ExplainSmsResetAsync(savedSmsFactor);
        if (!ModelState.IsValid)
        {
            // Values that were not numbers have their message; every other problem is said at the same time.
            var typed = new SecurityPolicy { Name = Name ?? "", Password = Password, Lockout = Lockout, Mfa = Mfa, PasswordReset = PasswordReset };
            foreach (var (field, problem) in SecurityPolicyRules.Validate(typed).Where(p => ModelState[KeyOf(p.Field)]?.Errors.Count is null or 0))
            {
                ModelState.AddModelError(KeyOf(field), problem);
            }

            return Page();
        }

        var before = Id is null ? null : PolicySnapshot.Of(policy);
        policy.Name = Name?.Trim() ?? "";
        policy.IsDefault = IsDefault;
        (policy.Password, policy.Lockout, policy.Mfa, policy.PasswordReset) = (Password, Lockout, Mfa, PasswordReset);
        var problems = await policies.SaveAsync(policy, HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            foreach (var (field, problem) in problems)
            {
                ModelState.AddModelError(KeyOf(field), problem);
            }

            // A rejected new policy must not stay tracked, or the next save in this request would insert it.
            database.ChangeTracker.Clear();
            return Page();
        }

        await changes.WriteAsync(Id is null ? AdminEventTypes.PolicyCreated : AdminEventTypes.PolicyChanged, null, before, PolicySnapshot.Of(policy), HttpContext.RequestAborted);
        TempData["Notice"] = $"The policy '{policy.Name}' was saved.";
        return RedirectToPage("/Admin/Policies/Policies");
    }

    /// <summary>The form field of a rule's field name: <c>password.minLength</c> → <c>Password.MinLength</c>.</summary>
    public static string KeyOf(string field) =>
        string.Join('.', field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) switch
        {
            "Mfa.Factors" => "Mfa.SmsEnabled",
            "PasswordReset.Sms" => "PasswordReset.SmsEnabled",
            var key => key,
        };

    private async Task ExplainSmsResetAsync(bool savedSmsFactor)
    {
        var settings = await database.SmsFactorSettingsAsync(HttpContext.RequestAborted);
        SmsResetBlocked = !savedSmsFactor ? (NeedsSmsFactor, "#mfa")
            : settings is not { IsConfigured: true } ? (NeedsTwilio, "/admin/factors")
            : null;
    }
}
