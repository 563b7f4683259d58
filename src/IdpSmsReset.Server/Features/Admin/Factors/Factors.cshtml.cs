using IdpSmsReset.Server.Features.Shared.Confirmation;
using Microsoft.Extensions.Localization;
using IdpSmsReset.Server.Localization;
using IdpSmsReset.Core.Administration;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdpSmsReset.Server.Features.Admin.Factors;

/// <summary>
/// The SMS factor: the Twilio account, checked with Twilio on save, and a test SMS. The auth token is never shown
/// back, nor written to the audit log.
/// </summary>
public sealed class FactorsModel(
    SmsFactorService factor,
    SmsOutbox outbox,
    SecondFactorMethods secondFactors,
    AdminChanges changes,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer,
    ProblemMessages problems) : PageModel
{
    public const string Validated = "Saved, and Twilio accepted the account: the SMS factor is configured.";
    public const string TestText = "This is a test message from IdpSmsReset. No action is needed.";

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
        AuthenticatorOn = await secondFactors.AuthenticatorFactorOnAsync(HttpContext.RequestAborted);
        Stored = await factor.GetAsync(HttpContext.RequestAborted);
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
        AuthenticatorOn = await secondFactors.AuthenticatorFactorOnAsync(HttpContext.RequestAborted);
        var before = Snapshot(await factor.GetAsync(HttpContext.RequestAborted));
        var result = await factor.SaveSecondaryAsync(Secondary.ToInput(), HttpContext.RequestAborted);
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

        await changes.WriteAsync(AdminEventTypes.SmsFactorChanged, null, before, Snapshot(Stored), HttpContext.RequestAborted);
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
        var before = await secondFactors.AuthenticatorFactorOnAsync(HttpContext.RequestAborted);
        await secondFactors.SetAuthenticatorFactorAsync(enabled, time.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
        await changes.WriteAsync(AdminEventTypes.AuthenticatorFactorChanged, null, new { enabled = before }, new { enabled },
            HttpContext.RequestAborted);
        await OnGetAsync();
        Notice = enabled
            ? localizer["Authenticator apps are on, in the policies that enable them."]
            : localizer["Authenticator apps are off: no policy uses them until they are switched on again (enrolled apps are kept)."];
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        AuthenticatorOn = await secondFactors.AuthenticatorFactorOnAsync(HttpContext.RequestAborted);
        var before = Snapshot(await factor.GetAsync(HttpContext.RequestAborted));
        var result = await factor.SaveAsync(Sms.ToInput(), HttpContext.RequestAborted);
        Stored = await factor.GetAsync(HttpContext.RequestAborted);
        if (!result.Saved)
        {
            foreach (var (field, problem) in result.Problems)
            {
                ModelState.AddModelError(SmsFactorForm.KeyOf(field), $"{field}: {localizer[problem]}");
            }

            return Page();
        }

        await changes.WriteAsync(AdminEventTypes.SmsFactorChanged, null, before, Snapshot(Stored), HttpContext.RequestAborted);
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
        var queued = await outbox.EnqueueAsync(TestNumber ?? "", SmsPurposes.Test, TestText, TimeSpan.FromMinutes(10),
            HttpContext.RequestAborted);
        if (queued.Problem is { } problem)
        {
            // Only a refused number shows the page again; a queued message redirects.
            AuthenticatorOn = await secondFactors.AuthenticatorFactorOnAsync(HttpContext.RequestAborted);
            Stored = await factor.GetAsync(HttpContext.RequestAborted);
            ModelState.AddModelError(nameof(TestNumber), problems.For(problem));
            return Page();
        }

        await changes.WriteAsync(AdminEventTypes.TestSmsSent, null, null,
            new { to = PhoneNumberRules.Mask(PhoneNumberRules.TryNormalize(TestNumber, out var e164, out _, out _) ? e164 : "") },
            HttpContext.RequestAborted);
        Notice = localizer["The test SMS is queued. Its progress shows under Messages."];
        // Post-redirect-get: reloading the page must not send another message.
        return RedirectToPage();
    }

    // The token is never recorded, only whether there is one.
    private static object? Snapshot(SmsFactorSettings? settings) => settings is null ? null : new
    {
        Primary = Snapshot(settings.Primary),
        settings.PhoneField,
        settings.AllowedCountries,
        Secondary = Snapshot(settings.Secondary),
    };

    private static object? Snapshot(TwilioAccount? account) => account is null ? null : new
    {
        account.AccountSid,
        AuthToken = AdminChanges.Masked,
        account.From,
        account.MessagingServiceSid,
        account.LastValidationError,
    };
}
