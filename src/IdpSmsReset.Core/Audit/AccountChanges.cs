using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.Audit;

/// <summary>
/// The audit of a user's own security changes (the account and enrolment pages, the second step of a sign-in): who did
/// it is the user; numbers are masked. An administrator's changes are audited by the administration commands instead.
/// </summary>
public sealed class AccountChanges(AuditLog audit)
{
    /// <param name="previous">The verified number before, if any: "verified" for a first number, "changed" after.</param>
    public Task PhoneVerifiedAsync(ApplicationUser user, string? previous, string current, CancellationToken cancellationToken) =>
        previous is null
            ? WriteAsync(user, AuditEventTypes.PhoneVerified, $"Verified {PhoneNumberRules.Mask(current)}.", cancellationToken)
            : WriteAsync(user, AuditEventTypes.PhoneChanged,
                $"From {PhoneNumberRules.Mask(previous)} to {PhoneNumberRules.Mask(current)}.", cancellationToken);

    public Task AuthenticatorAddedAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.AuthenticatorAdded, "Two-step verification by authenticator app is on.",
            cancellationToken);

    public Task AuthenticatorRemovedAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.AuthenticatorRemoved, "The authenticator app and its recovery codes were removed.",
            cancellationToken);

    public Task RecoveryCodesGeneratedAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.RecoveryCodesGenerated, "A new set of recovery codes replaced the old one.",
            cancellationToken);

    public Task RecoveryCodeUsedAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.RecoveryCodeUsed, "A recovery code stood in for the authenticator app.",
            cancellationToken);

    /// <param name="what">Which sessions: "one session", "every other session", "every session".</param>
    public Task SessionsEndedAsync(ApplicationUser user, string what, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.SessionEnded, $"The user ended {what}.", cancellationToken);

    private Task WriteAsync(ApplicationUser user, string type, string details, CancellationToken cancellationToken) =>
        audit.RaiseAsync(type, user.UserName ?? user.Id, user.Id, ipAddress: null, details, cancellationToken);
}
