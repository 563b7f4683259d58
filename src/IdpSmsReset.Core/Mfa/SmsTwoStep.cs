using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.Mfa;

/// <summary>
/// A user turning two-step verification by SMS on or off from the account page. On, a code goes to the verified
/// number at every sign-in, as an authenticator app would be asked; off, only the policy decides. Turning it off is
/// refused while the policy requires two-step and SMS is the user's only method: they would be stopped at their next
/// sign-in to enrol one.
/// </summary>
public sealed class SmsTwoStep(SecondFactorMethods methods, UserManager<ApplicationUser> users, AuditLog audit, TimeProvider time)
{
    public const string NoVerifiedPhone = "Verify a mobile number first: the codes are sent to it.";
    public const string PolicyRequiresIt =
        "Your organisation requires two-step verification, and SMS is your only method. Set up an authenticator app or a passkey first.";

    /// <summary>Null when done, else why not (one of this class's messages).</summary>
    public async Task<string?> TurnOnAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        if (!(await methods.ForUserAsync(user, cancellationToken)).CanUseSms)
        {
            return NoVerifiedPhone;
        }

        if (user.SmsTwoStepSince is null)
        {
            user.SmsTwoStepSince = time.GetUtcNow().UtcDateTime;
            audit.Raise(AuditEventTypes.TwoStepEnabled, user.UserName ?? user.Id, user.Id, null, "Method: sms.");
            await users.UpdateAsync(user);
        }

        return null;
    }

    /// <summary>Null when done, else why not.</summary>
    public async Task<string?> TurnOffAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var factors = await methods.ForUserAsync(user, cancellationToken);
        if (factors.PolicyRequires && !factors.HasAuthenticator && !factors.HasPasskey)
        {
            return PolicyRequiresIt;
        }

        if (user.SmsTwoStepSince is not null)
        {
            user.SmsTwoStepSince = null;
            audit.Raise(AuditEventTypes.TwoStepDisabled, user.UserName ?? user.Id, user.Id, null, "Method: sms.");
            await users.UpdateAsync(user);
        }

        return null;
    }
}
