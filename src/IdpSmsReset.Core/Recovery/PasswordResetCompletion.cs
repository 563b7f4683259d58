using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.SignIn;
using IdpSmsReset.Core.Users;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace IdpSmsReset.Core.Recovery;

/// <summary>
/// What follows a completed reset: whoever was signed in with the old password is signed out everywhere (sessions,
/// tokens, authorizations), the owner is no longer locked out by someone else's guesses, the phone is told, and the
/// audit log says who started it.
/// </summary>
public sealed class PasswordResetCompletion(
    UserManager<ApplicationUser> users,
    PasswordChange passwordChange,
    IOpenIddictAuthorizationManager authorizations)
{
    public async Task ApplyAsync(PasswordResetFlow flow, ApplicationUser user, CancellationToken cancellationToken)
    {
        await passwordChange.AppliedAsync(user, keepSession: null, AuditEventTypes.PasswordResetCompleted,
            flow.IssuedBy is null ? AuditActors.Anonymous : user.UserName ?? user.Id, flow.IpAddress,
            flow.IssuedBy is null ? null : $"Started by {flow.IssuedBy}.", cancellationToken);
        // A reset is also the way back in for someone who lost control of the account: every consent goes too, and
        // the owner is no longer locked out by someone else's guesses.
        await authorizations.RevokeBySubjectAsync(user.Id, cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }
}
