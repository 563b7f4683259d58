using IdpSmsReset.Core.Persistence;

namespace IdpSmsReset.Core.Audit;

/// <summary>Writes audit events. Each is saved at once, on its own, so a failure later in the request does not lose it.</summary>
public sealed class AuditLog(IdpDbContext database, TimeProvider time)
{
    public async Task WriteAsync(string type, string actor, string? subjectUserId, string? ipAddress, string? details,
        CancellationToken cancellationToken)
    {
        database.Add(new AuditEvent
        {
            Id = Guid.NewGuid(),
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Type = type,
            Actor = actor,
            SubjectUserId = subjectUserId,
            IpAddress = ipAddress,
            Details = details,
        });
        await database.SaveChangesAsync(cancellationToken);
    }
}
