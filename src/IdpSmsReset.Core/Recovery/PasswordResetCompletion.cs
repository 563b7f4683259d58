using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;
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
    IdpDbContext database,
    UserManager<ApplicationUser> users,
    UserSessionService sessions,
    SessionTokens sessionTokens,
    IOpenIddictAuthorizationManager authorizations,
    SmsOutbox outbox,
    ISmsTexts texts,
    UserPhoneResolver phones,
    AuditLog audit)
{
    public async Task ApplyAsync(PasswordResetFlow flow, ApplicationUser user, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(user.Id, keep: null, cancellationToken);
        await sessionTokens.RevokeAllAsync(user.Id, cancellationToken);
        await authorizations.RevokeBySubjectAsync(user.Id, cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await NotifyAsync(user, cancellationToken);
        await audit.WriteAsync(AuditEventTypes.PasswordResetCompleted,
            flow.IssuedBy is null ? AuditActors.Anonymous : user.UserName ?? user.Id,
            user.Id, flow.IpAddress, flow.IssuedBy is null ? null : $"Started by {flow.IssuedBy}.", cancellationToken);
    }

    private async Task NotifyAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        if (settings is { IsConfigured: true } && await phones.GetPhoneAsync(user, settings, cancellationToken) is { } phone)
        {
            await outbox.EnqueueAsync(phone, SmsPurposes.Notice, texts.PasswordChangedNotice(), TimeSpan.FromDays(1), cancellationToken);
        }
    }
}
