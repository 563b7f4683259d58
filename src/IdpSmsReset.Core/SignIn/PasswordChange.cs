using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.SignIn;

/// <summary>
/// What a new password sets off, however it was set (the account page, a reset by SMS): whoever knew the old one is
/// signed out (every other session ends, every token issued to the user is revoked), the user's phone is told, and the
/// change is audited.
/// </summary>
public sealed class PasswordChange(
    UserSessionService sessions, SessionTokens sessionTokens, UserPhoneNotices notices, ISmsTexts texts, AuditLog audit)
{
    /// <param name="keepSession">The session that set the password, which stays signed in; none for a reset.</param>
    public async Task AppliedAsync(ApplicationUser user, Guid? keepSession, string auditType, string actor, string? ipAddress,
        string? details, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.Id, keep: keepSession, cancellationToken);
        await sessionTokens.RevokeAllAsync(user.Id, cancellationToken);
        await notices.SendAsync(user, texts.PasswordChangedNotice(), cancellationToken);
        await audit.RaiseAsync(auditType, actor, user.Id, ipAddress, details, cancellationToken);
    }
}
