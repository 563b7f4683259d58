using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Users;

/// <summary>Counts failed password sign-ins per hour in the database (see <see cref="SignInFailureTally"/>).</summary>
public sealed class SignInFailures(IdpDbContext database, TimeProvider time)
{
    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var tallies = database.Set<SignInFailureTally>().Where(tally => tally.HourStart == hour);
        Task<int> IncrementAsync() =>
            tallies.ExecuteUpdateAsync(set => set.SetProperty(tally => tally.Failures, tally => tally.Failures + 1), cancellationToken);

        await database.UpdateOrCreateAsync(IncrementAsync, new SignInFailureTally { HourStart = hour, Failures = 1 }, cancellationToken);
    }
}
