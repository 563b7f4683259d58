using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace IdpSmsReset.Server.Features.Account;

/// <summary>
/// Verifying a number by a code sent to it, as the account page, the enrolment page and the verify-phone action all
/// do: Core's <see cref="PhoneVerificationService"/> decides; this puts its refusals on the form field that caused them.
/// </summary>
public sealed class PhoneCodeStep(PhoneVerificationService phones, AccountMessages messages)
{
    /// <summary>The notice to show once a code is on its way; null when refused (why is added to <paramref name="field"/>).</summary>
    public async Task<string?> SendAsync(ApplicationUser user, string? number, ModelStateDictionary form, string field,
        CancellationToken cancellationToken)
    {
        var sent = await phones.SendCodeAsync(user, number ?? "", cancellationToken);
        if (sent.Status == SmsChallengeSendStatus.Refused)
        {
            form.AddModelError(field, messages.Refusal(sent.Problem!));
            return null;
        }

        return messages.SmsSent(sent);
    }

    /// <summary>Whether the code verified the number (now saved); if not, why is added to <paramref name="field"/>.</summary>
    public async Task<bool> ConfirmAsync(ApplicationUser user, string? code, ModelStateDictionary form, string field,
        CancellationToken cancellationToken)
    {
        var check = await phones.ConfirmAsync(user, code ?? "", cancellationToken);
        if (!check.IsAccepted)
        {
            form.AddModelError(field, messages.SmsCode(check));
        }

        return check.IsAccepted;
    }
}
