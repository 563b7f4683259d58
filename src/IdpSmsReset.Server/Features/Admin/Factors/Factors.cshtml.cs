using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Server.Features.Shared.Confirmation;
using IdpSmsReset.Server.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IdpSmsReset.Server.Features.Admin.Factors;

/// <summary>
/// The SMS factor: the Twilio account, checked with Twilio on save, and a test SMS. The auth token is never shown
/// back, nor written to the audit log.
/// </summary>
public sealed class FactorsModel(
    FactorAdministration factors,
    AdminChanges changes,
    IStringLocalizer<SharedResource> localizer,
    ProblemMessages problems) : PageModel
{
    public const string Validated = "Saved, and Twilio accepted the account: the SMS factor is configured.";

    [BindProperty]
    public SmsFactorForm Sms { get; set; } = new();

    /// <summary>The secondary Twilio account; an empty Account SID removes it.</summary>
    [BindProperty]
    public SmsFactorForm Secondary { get; set; } = new();

    [BindProperty]
    public string? TestNumber { get; set; }

    public SmsFactorSettings? Stored { get; private set; }

    /// <summary>Whether authenticator apps may be used by the policies that enable them.</summary>
    public bool AuthenticatorOn { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        AuthenticatorOn = await factors.AuthenticatorAppsOnAsync(HttpContext.RequestAborted);
        Stored = await factors.GetSmsFactorAsync(HttpContext.RequestAborted);
        if (Stored is { } stored)
        {
            Sms = SmsFactorForm.Of(stored.Primary);
            Sms.PhoneField = stored.PhoneField;
            Sms.AllowedCountries = string.Join(", ", stored.AllowedCountryCodes);
            Secondary = stored.Secondary is { } secondary ? SmsFactorForm.Of(secondary) : new SmsFactorForm();
        }
    }

    /// <summary>Removes the secondary account, confirmed first: failover ends with it.</summary>
    [Confirm(
        "The secondary Twilio account is removed: every message goes through the primary account alone, with no failover when it"
            + " fails.",
        "Remove the secondary account")]
    public async Task<IActionResult> OnPostRemoveSecondaryAsync()
    {
        Secondary = new SmsFactorForm();
        return await SaveSecondaryAsync();
    }

    /// <summary>Saves the secondary account; an empty Account SID is refused here (removing goes through its confirmation).</summary>
    public async Task<IActionResult> OnPostSaveSecondaryAsync()
    {
        if (string.IsNullOrWhiteSpace(Secondary.AccountSid))
        {
            var typed = Secondary;
            await OnGetAsync();
            Secondary = typed;
            ModelState.AddModelError("Secondary.AccountSid",
                localizer["Enter the Account SID. To remove the secondary account, use the button below the form."]);
            return Page();
        }

        return await SaveSecondaryAsync();
    }

    private async Task<IActionResult> SaveSecondaryAsync()
    {
        var result = await factors.SaveSecondaryAccountAsync(Secondary.ToInput(), changes.Current, HttpContext.RequestAborted);
        var typed = Secondary;
        await OnGetAsync();
        Secondary = typed;
        if (!result.Saved)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(SmsFactorForm.KeyOf(field, "Secondary."), $"{field}: {localizer[problem]}");
            }

            return Page();
        }

        if (result.Check is null)
        {
            Notice = localizer["The secondary account was removed: every message goes through the primary."];
        }
        else if (result.Check.IsValid)
        {
            Notice = localizer["Saved, and Twilio accepted the secondary account: it sends while the primary fails."];
        }
        else
        {
            ModelState.AddModelError("Secondary", localizer["Saved, but Twilio refused the account: {0}", result.Check.Problem ?? ""]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAuthenticatorAsync(bool enabled)
    {
        await factors.SetAuthenticatorAppsAsync(enabled, changes.Current, HttpContext.RequestAborted);
        await OnGetAsync();
        Notice = enabled
            ? localizer["Authenticator apps are on, in the policies that enable them."]
            : localizer["Authenticator apps are off: no policy uses them until they are switched on again (enrolled apps are kept)."];
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        AuthenticatorOn = await factors.AuthenticatorAppsOnAsync(HttpContext.RequestAborted);
        var result = await factors.SaveSmsFactorAsync(Sms.ToInput(), changes.Current, HttpContext.RequestAborted);
        Stored = await factors.GetSmsFactorAsync(HttpContext.RequestAborted);
        if (!result.Saved)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(SmsFactorForm.KeyOf(field), $"{field}: {localizer[problem]}");
            }

            return Page();
        }

        if (result.Check!.IsValid)
        {
            Notice = localizer[Validated];
        }
        else
        {
            ModelState.AddModelError(string.Empty, localizer["Saved, but Twilio refused the account: {0}", result.Check.Problem ?? ""]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync()
    {
        var queued = await factors.SendTestSmsAsync(TestNumber ?? "", changes.Current, HttpContext.RequestAborted);
        if (queued.Problem is { } problem)
        {
            // Only a refused number shows the page again; a queued message redirects.
            AuthenticatorOn = await factors.AuthenticatorAppsOnAsync(HttpContext.RequestAborted);
            Stored = await factors.GetSmsFactorAsync(HttpContext.RequestAborted);
            ModelState.AddModelError(nameof(TestNumber), problems.For(problem));
            return Page();
        }

        Notice = localizer["The test SMS is queued. Its progress shows under Messages."];
        // Post-redirect-get: reloading the page must not send another message.
        return RedirectToPage();
    }
}

/// <summary>The SMS factor form as typed. The auth token is write-only: left blank, the stored one is kept.</summary>
public sealed class SmsFactorForm
{
    public const string SenderNumber = "number";
    public const string SenderService = "service";

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary><see cref="SenderNumber"/> or <see cref="SenderService"/>.</summary>
    public string Sender { get; set; } = SenderNumber;

    public string? From { get; set; }

    public string? MessagingServiceSid { get; set; }

    public string? PhoneField { get; set; }

    /// <summary>Comma- or space-separated ISO codes; empty allows every country.</summary>
    public string? AllowedCountries { get; set; }

    /// <summary>The form as <paramref name="account"/> fills it: never its token.</summary>
    public static SmsFactorForm Of(Core.Messaging.TwilioAccount account) => new()
    {
        AccountSid = account.AccountSid,
        Sender = account.MessagingServiceSid is null ? SenderNumber : SenderService,
        From = account.From,
        MessagingServiceSid = account.MessagingServiceSid,
    };

    public Core.Messaging.SmsFactorInput ToInput() => new(
        AccountSid?.Trim(),
        string.IsNullOrEmpty(AuthToken) ? null : AuthToken,
        Sender == SenderNumber ? From?.Trim() : null,
        Sender == SenderService ? MessagingServiceSid?.Trim() : null,
        string.IsNullOrWhiteSpace(PhoneField) ? null : PhoneField.Trim(),
        (AllowedCountries ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The form field of a rule's field name (<c>allowedCountries[1]</c> → <c>Sms.AllowedCountries</c>).</summary>
    public static string KeyOf(string field, string prefix = "Sms.") => FormFieldKey.Of(field, prefix);
}
