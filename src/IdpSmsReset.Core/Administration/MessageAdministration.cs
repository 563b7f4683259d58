using IdpSmsReset.Core.Messaging;
using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Core.Administration;

/// <summary>The SMS log's command: a message that failed for good sent once more, with its audit row in the same unit.</summary>
public sealed class MessageAdministration(IdpDbContext database, SmsOutbox outbox, AdminChangeLog log)
{
    /// <summary>False when the message is not one that failed for good, or what it carries has expired.</summary>
    public Task<bool> ResendAsync(Guid id, Administrator who, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async () =>
        {
            if (!await outbox.ResendAsync(id, cancellationToken))
            {
                return false;
            }

            await log.WriteAsync(who, AdminEventTypes.MessageRetried, null, new { id, status = "Failed" }, new { id, status = "Queued" },
                cancellationToken);
            return true;
        }, resent => resent, cancellationToken);
}
