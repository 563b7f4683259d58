using IdpSmsReset.Core.Persistence;
using IdpSmsReset.Core.Users;

namespace IdpSmsReset.Core.Messaging;

/// <summary>
/// A security notice to the user's phone (a new password, a passkey added), through the outbox: sent only where the
/// SMS factor is configured and the user has a phone it may text, never to a disabled account; a notice waits at most a day.
/// </summary>
public sealed class UserPhoneNotices(IdpDbContext database, UserPhoneResolver phones, SmsOutbox outbox)
{
    public async Task SendAsync(ApplicationUser user, string text, CancellationToken cancellationToken)
    {
        if (user.DisabledAt is not null)
        {
            return;
        }

        var settings = await database.SmsFactorSettingsAsync(cancellationToken);
        if (settings is { IsConfigured: true } && await phones.GetPhoneAsync(user, settings, cancellationToken) is { } phone)
        {
            await outbox.EnqueueAsync(phone, SmsPurposes.Notice, text, TimeSpan.FromDays(1), cancellationToken);
        }
    }
}
