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
    public Task PhoneVerifiedAsync(ApplicationUser user, string? previous, string current, string? ipAddress,
        CancellationToken cancellationToken) =>
        previous is null
            ? WriteAsync(user, AuditEventTypes.PhoneVerified, ipAddress, $"Verified {PhoneNumberRules.Mask(current)}.", cancellationToken)
            : WriteAsync(user, AuditEventTypes.PhoneChanged, ipAddress,
                $"From {PhoneNumberRules.Mask(previous)} to {PhoneNumberRules.Mask(current)}.", cancellationToken);

    public Task AuthenticatorAddedAsync(ApplicationUser user, string? ipAddress, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.AuthenticatorAdded, ipAddress, "Two-step verification by authenticator app is on.",
            cancellationToken);

    public Task AuthenticatorRemovedAsync(ApplicationUser user, string? ipAddress, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.AuthenticatorRemoved, ipAddress, "The authenticator app and its recovery codes were removed.",
            cancellationToken);

    public Task RecoveryCodesGeneratedAsync(ApplicationUser user, string? ipAddress, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.RecoveryCodesGenerated, ipAddress, "A new set of recovery codes replaced the old one.",
            cancellationToken);

    public Task RecoveryCodeUsedAsync(ApplicationUser user, string? ipAddress, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.RecoveryCodeUsed, ipAddress, "A recovery code stood in for the authenticator app.",
            cancellationToken);

    /// <param name="what">Which sessions: "one session", "every other session", "every session".</param>
    public Task SessionsEndedAsync(ApplicationUser user, string what, string? ipAddress, CancellationToken cancellationToken) =>
        WriteAsync(user, AuditEventTypes.SessionEnded, ipAddress, $"The user ended {what}.", cancellationToken);

    private Task WriteAsync(ApplicationUser user, string type, string? ipAddress, string details, CancellationToken cancellationToken) =>
        audit.WriteAsync(type, user.UserName ?? user.Id, user.Id, ipAddress, details, cancellationToken);
}
