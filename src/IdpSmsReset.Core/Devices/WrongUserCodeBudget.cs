using IdpSmsReset.Core.Audit;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Devices;

/// <summary>
/// Bounds guessing of user codes: wrong ones are counted per address over an hour, and each is audited. An address
/// past its budget has its codes refused without a lookup. Counted after the wrong code is recorded, so parallel
/// guesses cannot all slip under the budget.
/// </summary>
public sealed class WrongUserCodeBudget(IdpDbContext database, AuditLog audit, IOptions<DeviceFlowOptions> options, TimeProvider time)
{
    public async Task<bool> IsAddressOverAsync(string? ipAddress, CancellationToken cancellationToken)
    {
        var network = DeviceFlowOptions.NetworkOf(ipAddress);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-1);
        return network is not null && await database.Set<WrongUserCode>()
            .CountAsync(wrong => wrong.ClientNetwork == network && wrong.EnteredAt > since, cancellationToken)
            >= options.Value.WrongUserCodesPerAddressPerHour;
    }

    /// <summary>Records and audits a wrong code; only its length is kept, as a mistyped code may be close to a real one.</summary>
    public async Task RecordWrongAsync(string typed, string? ipAddress, CancellationToken cancellationToken)
    {
        database.Add(new WrongUserCode { Id = Guid.NewGuid(), ClientNetwork = DeviceFlowOptions.NetworkOf(ipAddress),
            EnteredAt = time.GetUtcNow().UtcDateTime });
        await database.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditEventTypes.DeviceUserCodeWrong, AuditActors.Anonymous, subjectUserId: null, ipAddress,
            $"A user code of {typed.Length} characters named no pending device request.", cancellationToken);
    }
}
