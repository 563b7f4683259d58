using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Audit;

/// <summary>
/// Raises domain events: the one call per event. It writes the audit row, with where the request came from
/// (<see cref="IAuditContext"/>), in the caller's unit of work; once that commits, the event's log line and metric, its
/// webhook deliveries and the audit stream follow from the row (<see cref="Events.EventOutbox"/>), so no event is
/// logged, counted or delivered that did not commit. <see cref="RaiseAsync"/> saves at once, on its own, so a failure
/// later in the request does not lose it; <see cref="Raise"/> leaves the row for the save that follows, so a hot path
/// (a sign-in) pays no extra round trip and the event commits with its change.
/// </summary>
public sealed class AuditLog(IdpDbContext database, TimeProvider time, IOptions<AuditOptions> options, IAuditContext? context = null)
{
    public async Task RaiseAsync(string type, string actor, string? subjectUserId, string? ipAddress, string? details,
        CancellationToken cancellationToken)
    {
        Raise(type, actor, subjectUserId, ipAddress, details);
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to the unit of work without saving: the caller's next save commits it.</summary>
    /// <param name="ipAddress">The client's address; the request's when null.</param>
    public void Raise(string type, string actor, string? subjectUserId, string? ipAddress, string? details)
    {
        var address = ipAddress ?? context?.ClientAddress;
        database.Add(new AuditEvent
        {
            Id = Guid.NewGuid(),
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Type = type,
            Actor = actor,
            SubjectUserId = subjectUserId,
            IpAddress = options.Value.Addresses == AuditAddressDetail.Network ? AddressNetwork.Of(address) : address,
            UserAgent = context?.UserAgentFamily,
            ClientId = context?.ClientId,
            Details = details,
        });
    }

    /// <summary>Commits what <see cref="Raise"/> left (nothing to do, no round trip, when a save already did).</summary>
    public Task SaveRaisedAsync(CancellationToken cancellationToken) => database.SaveChangesAsync(cancellationToken);
}
