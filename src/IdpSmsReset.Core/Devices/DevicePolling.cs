using System.Security.Cryptography;
using System.Text;
using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IdpSmsReset.Core.Devices;

/// <summary>
/// RFC 8628's <c>slow_down</c>: a device polling its code sooner than the interval it was given is told to slow down.
/// One guarded update per poll: it moves the code's last poll forward only when the interval has passed, so of several
/// polls at once, on any instance, one is let through.
/// </summary>
public sealed class DevicePolling(IdpDbContext database, IOptions<DeviceFlowOptions> options, TimeProvider time)
{
    /// <summary>True when this poll may go on to the grant; false when it came too soon.</summary>
    public async Task<bool> TryPollAsync(string deviceCode, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deviceCode)));
        var now = time.GetUtcNow().UtcDateTime;
        var earliest = now - options.Value.PollingInterval;
        if (await database.Set<DevicePoll>().Where(poll => poll.CodeHash == hash && poll.LastPolledAt <= earliest)
                .ExecuteUpdateAsync(set => set.SetProperty(poll => poll.LastPolledAt, now), cancellationToken) == 1)
        {
            return true;
        }

        // Not inserted: polled before, within the interval (or a parallel first poll won).
        return await database.TryInsertAsync(new DevicePoll { CodeHash = hash, LastPolledAt = now }, cancellationToken);
    }
}
