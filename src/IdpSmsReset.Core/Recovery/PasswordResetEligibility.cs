using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// Whether an account may reset its password by SMS, and if not, exactly why: for the background job, which never
/// tells the user, and for administrators, who may know.
/// </summary>
public sealed class PasswordResetEligibility(IdpDbContext database, SecurityPolicyService policies, UserPhoneResolver phones)
{
    public async Task<ResetEligibility> CheckAsync(ApplicationUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return ResetEligibility.No("No account matched the name given.");
        }

        // Nothing is sent to a disabled account; the page answers as for a name no account has.
        if (user.DisabledAt is not null)
        {
            return ResetEligibility.No("The account is disabled.");
        }

        // A user an outside identity provider brought has no password here to reset; one an administrator created
        // without a password sets it through this very flow, so it is the link that decides.
        if (user.PasswordHash is null && await database.UserLogins.AnyAsync(login => login.UserId == user.Id, cancellationToken))
        {
            return ResetEligibility.No("The account signs in through another identity provider and has no password here.");
        }

        if (user.SmsResetSuspendedAt is { } suspendedAt)
        {
            return ResetEligibility.No(
                $"SMS reset is suspended since {suspendedAt:yyyy-MM-dd HH:mm} UTC after too many wrong codes; an administrator can lift" +
                    $" it, and the user's next sign-in does.");
        }

        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        if (settings is null)
        {
            return ResetEligibility.No("The SMS factor is not configured: no Twilio account has been entered.");
        }

        if (!settings.IsConfigured)
        {
            return ResetEligibility.No($"The SMS factor is not validated:" +
                $" {settings.Primary.LastValidationError ?? "it was never checked with Twilio"}.");
        }

        var policy = await policies.ForUserAsync(user, cancellationToken);
        if (!policy.OffersSmsReset())
        {
            return ResetEligibility.No(policy.Mfa.SmsEnabled
                ? $"The policy '{policy.Name}' does not allow password reset by SMS."
                : $"The policy '{policy.Name}' does not enable the SMS factor.");
        }

        if (await phones.GetPhoneAsync(user, settings, cancellationToken) is not { } phone)
        {
            return ResetEligibility.No($"The account has no phone number in '{settings.PhoneField}'.");
        }

        if (!PhoneNumberRules.TryNormalize(phone, out var e164, out var country, out var problem))
        {
            return ResetEligibility.No($"The account's phone number cannot receive SMS: {problem!.English}");
        }

        return !settings.AllowsCountry(country)
            ? ResetEligibility.No($"SMS to {country} numbers is not allowed.")
            : new ResetEligibility(e164, country, policy.PasswordReset.MaxSendsPerHour, "");
    }
}

/// <summary>Where a reset code may go (E.164, with its country and the policy's hourly limit), or <see cref="Reason"/> why none
/// may.</summary>
public sealed record ResetEligibility(string? Destination, string Country, int MaxSendsPerHour, string Reason)
{
    public bool IsEligible => Destination is not null;

    public static ResetEligibility No(string reason) => new(null, "", 0, reason);
}
