using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.ApiUse;

/// <summary>
/// Each application's calls to the management API and SCIM per minute, counted in the database so that every instance
/// counts against one budget. A call is admitted by one conditional increment (counted only while under the limit), so
/// a burst racing at the limit admits exactly the limit, on any number of instances.
/// </summary>
public sealed class ApiCallBudget(IdpDbContext database, TimeProvider time)
{
    /// <summary>
    /// Whether <paramref name="caller"/> may make one more call this minute (then counted), and when the next minute starts.
    /// </summary>
    public async Task<(bool Admitted, DateTime NextWindow)> TryAdmitAsync(string caller, int perMinute, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var windows = database.Set<ApiCallWindow>();
        Task<int> CountAsync() => windows.Where(w => w.Caller == caller && w.WindowStart == window && w.Calls < perMinute)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.Calls, w => w.Calls + 1), cancellationToken);

        if (await CountAsync() == 1)
        {
            return (true, window.AddMinutes(1));
        }

        // No row for this minute yet (the caller's first call in it), or the budget is spent.
        if (await database.TryInsertAsync(new ApiCallWindow { Caller = caller, WindowStart = window, Calls = 1 }, cancellationToken))
        {
            await windows.Where(w => w.Caller == caller && w.WindowStart < window).ExecuteDeleteAsync(cancellationToken);
            return (true, window.AddMinutes(1));
        }

        return (await CountAsync() == 1, window.AddMinutes(1));
    }
}
