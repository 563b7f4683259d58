using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Devices;

/// <summary>
/// Bounds guessing of user codes: wrong ones are counted per network (an IPv6 /64 is one) over an hour, and each is
/// audited. <see cref="DeviceUserCodes"/> checks and counts under the network's gate, so parallel guesses cannot slip
/// past the budget.
/// </summary>
public sealed class WrongUserCodeBudget(IdpDbContext database, AuditLog audit, IOptions<DeviceFlowOptions> options, TimeProvider time)
{
    public async Task<bool> IsAddressOverAsync(string network, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().UtcDateTime.AddHours(-1);
        return await database.Set<WrongUserCode>()
            .CountAsync(wrong => wrong.ClientNetwork == network && wrong.EnteredAt > since, cancellationToken)
            >= options.Value.WrongUserCodesPerAddressPerHour;
    }

    /// <summary>Records and audits a wrong code; only its length is kept, as a mistyped code may be close to a real one.</summary>
    public async Task RecordWrongAsync(string typed, string network, string? ipAddress, CancellationToken cancellationToken)
    {
        database.Add(new WrongUserCode { Id = Guid.NewGuid(), ClientNetwork = network, EnteredAt = time.GetUtcNow().UtcDateTime });
        await database.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditEventTypes.DeviceUserCodeWrong, AuditActors.Anonymous, subjectUserId: null, ipAddress,
            $"A user code of {typed.Length} characters named no pending device request.", cancellationToken);
    }
}
