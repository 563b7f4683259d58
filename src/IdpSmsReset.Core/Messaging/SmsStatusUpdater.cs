using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging;

/// <summary>Moves a message's status forward on the provider's report; never back, never out of a final state.</summary>
public sealed class SmsStatusUpdater(IdpDbContext database, TimeProvider time)
{
    public async Task<SmsStatusUpdate> ApplyAsync(string providerId, OutboundSmsStatus reported, string? errorCode, CancellationToken cancellationToken)
    {
        var messages = database.Set<OutboundSms>().Where(message => message.TwilioSid == providerId);
        var now = time.GetUtcNow().UtcDateTime;
        var error = errorCode is { Length: > 0 } ? $"Delivery failed (Twilio error {PhoneNumberRules.MaskNumbersIn(errorCode)})." : null;

        // One conditional update: a late "sent" after "delivered", or a repeated report, matches no row.
        var moved = await messages
            .Where(message => message.Status < OutboundSmsStatus.Delivered && message.Status < reported)
            .ExecuteUpdateAsync(set => set
                .SetProperty(message => message.Status, reported)
                .SetProperty(message => message.LastError, message => error ?? message.LastError)
                .SetProperty(message => message.UpdatedAt, now), cancellationToken);

        if (moved > 0)
        {
            return SmsStatusUpdate.Moved;
        }

        return await messages.AnyAsync(cancellationToken) ? SmsStatusUpdate.Ignored : SmsStatusUpdate.UnknownMessage;
    }
}

public enum SmsStatusUpdate
{
    Moved,
    Ignored,
    UnknownMessage,
}
