using IdpSmsReset.Core.Persistence;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Audit;

/// <summary>
/// Writes audit events, each with where the request came from (<see cref="IAuditContext"/>). <see cref="WriteAsync"/>
/// saves at once, on its own, so a failure later in the request does not lose it; <see cref="Stage"/> leaves the row
/// for the save that follows, so a hot path (a sign-in) pays no extra round trip and the event commits with its change.
/// </summary>
public sealed class AuditLog(IdpDbContext database, TimeProvider time, IOptions<AuditOptions> options, IAuditContext? context = null)
{
    public async Task WriteAsync(string type, string actor, string? subjectUserId, string? ipAddress, string? details,
        CancellationToken cancellationToken)
    {
        Stage(type, actor, subjectUserId, ipAddress, details);
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the event to the unit of work without saving: the caller's next save commits it.</summary>
    /// <param name="ipAddress">The client's address; the request's when null.</param>
    public void Stage(string type, string actor, string? subjectUserId, string? ipAddress, string? details)
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

    /// <summary>Commits what <see cref="Stage"/> left (nothing to do, no round trip, when a save already did).</summary>
    public Task SaveStagedAsync(CancellationToken cancellationToken) => database.SaveChangesAsync(cancellationToken);
}
