using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Policies;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.Passkeys;

/// <summary>
/// What follows a user adding or removing a passkey on the account page: an audit event, and for an addition a notice to
/// the user's phone, since a passkey added behind the owner's back signs in alone and outlives a new password.
/// </summary>
public sealed class PasskeyChanges(
    PasskeyUseLog uses, UserPhoneNotices notices, ISmsTexts texts, AuditLog audit, SecurityPolicyService policies)
{
    /// <summary>How long after proving the password (signing in, or changing it) a passkey may be added without typing it again.</summary>
    public static readonly TimeSpan RecentProof = TimeSpan.FromMinutes(5);

    /// <summary>Whether the user's policy lets them have passkeys at all (those they have stay listed, to be removed).</summary>
    public async Task<bool> AllowedAsync(ApplicationUser user, CancellationToken cancellationToken) =>
        (await policies.ForUserAsync(user, cancellationToken)).Mfa.PasskeyEnabled;

    public async Task AddedAsync(ApplicationUser user, string name, string? ipAddress, CancellationToken cancellationToken)
    {
        await audit.RaiseAsync(AuditEventTypes.PasskeyAdded, user.UserName ?? user.Id, user.Id, ipAddress,
            $"Added the passkey '{name}'.", cancellationToken);
        await notices.SendAsync(user, texts.PasskeyAddedNotice(), cancellationToken);
    }

    public async Task RemovedAsync(ApplicationUser user, byte[] credentialId, string name, string? ipAddress,
        CancellationToken cancellationToken)
    {
        await uses.ForgetAsync(credentialId, cancellationToken);
        await audit.RaiseAsync(AuditEventTypes.PasskeyRemoved, user.UserName ?? user.Id, user.Id, ipAddress,
            $"Removed the passkey '{name}'.", cancellationToken);
    }
}
