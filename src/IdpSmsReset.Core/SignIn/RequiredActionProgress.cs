using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace IdpSmsReset.Core.SignIn;

/// <summary>Marks required actions done: the new password chosen at sign-in, a second factor shown.</summary>
public sealed class RequiredActionProgress(IdpUserManager users, PasswordChange passwordChange, AuditLog audit)
{
    /// <summary>
    /// Sets the new password the user chose at sign-in (the policy's rules and history apply, as for any password) and
    /// clears <see cref="RequiredActions.UpdatePassword"/>; what any new password sets off follows (other sessions end).
    /// </summary>
    public async Task<IdentityResult> UpdatePasswordAsync(ApplicationUser user, string newPassword, string? ipAddress,
        CancellationToken cancellationToken)
    {
        var result = await users.ReplacePasswordAsync(user, newPassword);
        if (!result.Succeeded)
        {
            return result;
        }

        RequiredActions.Remove(user, RequiredActions.UpdatePassword);
        await users.UpdateAsync(user);
        await passwordChange.AppliedAsync(user, keepSession: null, AuditEventTypes.PasswordChanged, user.UserName ?? user.Id, ipAddress,
            "Chosen at sign-in (required action).", cancellationToken);
        await audit.RaiseAsync(AuditEventTypes.RequiredActionCompleted, user.UserName ?? user.Id, user.Id, ipAddress,
            RequiredActions.UpdatePassword, cancellationToken);
        return result;
    }

    /// <summary>
    /// At a session's start, clears what it shows done: <see cref="RequiredActions.ConfigureSecondFactor"/> once a
    /// second factor is proved, <see cref="RequiredActions.VerifyPhone"/> once the number is verified.
    /// </summary>
    public async Task SignedInAsync(ApplicationUser user, IReadOnlyList<string> amr, string? ipAddress, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        if (amr.Contains(AuthenticationMethods.MultiFactor) && RequiredActions.Has(user, RequiredActions.ConfigureSecondFactor))
        {
            done.Add(RequiredActions.ConfigureSecondFactor);
        }

        if (user.PhoneNumberConfirmed && RequiredActions.Has(user, RequiredActions.VerifyPhone))
        {
            done.Add(RequiredActions.VerifyPhone);
        }

        if (done.Count == 0)
        {
            return;
        }

        RequiredActions.Set(user, RequiredActions.Of(user).Except(done));
        foreach (var action in done)
        {
            audit.Raise(AuditEventTypes.RequiredActionCompleted, user.UserName ?? user.Id, user.Id, ipAddress, action);
        }

        await users.UpdateAsync(user);
    }
}
