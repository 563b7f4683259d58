using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Limits;
using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Mfa;
using IdpSmsReset.Core.Passkeys;
using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Recovery;
using IdpSmsReset.Core.Users;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IdpSmsReset.Core.Administration;

/// <summary>
/// Erases a user's personal data, inside the caller's transaction. The account, its factors, passkeys, attributes,
/// password history, reset flows and SMS codes go; sessions are ended (the applications told) and keep only the user's
/// id; tokens and authorizations are deleted; SMS sent to the user's numbers keep a masked number and no text; audit
/// events keep the user's id as a pseudonym and lose the name, the addresses and the details.
/// </summary>
public sealed class UserErasure(IdpDbContext database, IdpUserManager users, UserSessionService sessions, TimeProvider time)
{
    /// <summary>What stands for the user in the audit once the name is gone.</summary>
    public static string PseudonymOf(string userId) => $"deleted-user:{userId}";

    public async Task EraseAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var id = user.Id;
        var name = user.UserName ?? id;
        var phones = await PhonesOfAsync(user, cancellationToken);

        await sessions.EndAllAsync(id, keep: null, cancellationToken);
        var sessionIds = database.Set<UserSession>().Where(session => session.UserId == id).Select(session => session.Id);
        await database.Set<SessionAuthorization>().Where(link => sessionIds.Contains(link.SessionId)).ExecuteDeleteAsync(cancellationToken);
        await database.Set<UserSession>().Where(session => session.UserId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.UserAgent, (string?)null).SetProperty(s => s.IpAddress, (string?)null),
                cancellationToken);
        await database.Set<OpenIddictEntityFrameworkCoreToken>().Where(token => token.Subject == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(authorization => authorization.Subject == id)
            .ExecuteDeleteAsync(cancellationToken);

        await database.Set<AuthenticatorApp>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<RecoveryCode>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<PasskeyUse>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<PasswordHistoryEntry>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<UserAttribute>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<SmsChallenge>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<LimitCount>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);
        await database.Set<PasswordResetFlow>().Where(row => row.UserId == id).ExecuteDeleteAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var phone in phones)
        {
            // The SMS log keeps the line (status, cost, errors) and loses the number and the text; one still queued expires.
            var masked = PhoneNumberRules.Mask(phone);
            await database.Set<OutboundSms>().Where(sms => sms.Destination == phone)
                .ExecuteUpdateAsync(set => set.SetProperty(sms => sms.Destination, masked).SetProperty(sms => sms.ProtectedBody, "")
                    .SetProperty(sms => sms.ExpiresAt, sms => sms.ExpiresAt < now ? sms.ExpiresAt : now), cancellationToken);
        }

        var pseudonym = PseudonymOf(id);
        await database.Set<AuditEvent>().Where(e => e.SubjectUserId == id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Details, (string?)null), cancellationToken);
        await database.Set<AuditEvent>().Where(e => e.Actor == name)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Actor, pseudonym).SetProperty(e => e.IpAddress, (string?)null),
                cancellationToken);

        // The rows above went by bulk statements; what the context still tracks of them (the attributes) must not be
        // deleted a second time, so the account is read afresh.
        database.ChangeTracker.Clear();
        var deleted = await users.DeleteAsync(await users.FindByIdAsync(id) ?? throw new InvalidOperationException("The user is gone."));
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException(
                $"The user could not be deleted: {string.Join(" ", deleted.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>Every number the user was reached at: the one on the account, attributes that are numbers, and where codes went.</summary>
    private async Task<IReadOnlyList<string>> PhonesOfAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var sentTo = await database.Set<SmsChallenge>().Where(row => row.UserId == user.Id).Select(row => row.Destination)
            .Union(database.Set<LimitCount>()
                .Where(row => row.UserId == user.Id && row.Budget == PasswordResetLimits.SendsPerDestinationName)
                .Select(row => row.Subject))
            .ToListAsync(cancellationToken);
        var attributes = await database.Set<UserAttribute>().Where(row => row.UserId == user.Id).Select(row => row.Value)
            .ToListAsync(cancellationToken);
        return [.. sentTo.Concat(attributes.Select(value => PhoneNumberRules.TryNormalize(value, out var e164, out _, out _) ? e164 : null))
            .Append(user.PhoneNumber).OfType<string>().Distinct()];
    }
}
