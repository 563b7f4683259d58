using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>The hourly counters of <see cref="SmsVolume"/>: read for a budget, moved for each message let through.</summary>
public static class SmsVolumes
{
    public static DateTime HourOf(DateTime now) => new(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>What a message's budgets have used: a day is this hour and the 23 before it.</summary>
    public sealed record Counts(int TotalToday, int CountryToday, int PrefixThisHour, int CountryThisHour, int CountryHourBefore,
        IReadOnlySet<string> RowsThisHour);

    public static async Task<Counts> ReadAsync(IdpDbContext database, string country, string prefix, DateTime hour,
        CancellationToken cancellationToken)
    {
        var dayStart = hour.AddHours(-23);
        var rows = await database.Set<SmsVolume>().AsNoTracking()
            .Where(volume => ((volume.Scope == SmsScopes.Total || volume.Scope == country) && volume.HourStart >= dayStart)
                || (volume.Scope == prefix && volume.HourStart == hour))
            .Select(volume => new { volume.Scope, volume.HourStart, volume.Messages })
            .ToListAsync(cancellationToken);
        int Sum(string scope, DateTime? at = null) =>
            rows.Where(row => row.Scope == scope && (at is null || row.HourStart == at)).Sum(row => row.Messages);
        return new Counts(Sum(SmsScopes.Total), Sum(country), Sum(prefix, hour), Sum(country, hour), Sum(country, hour.AddHours(-1)),
            rows.Where(row => row.HourStart == hour).Select(row => row.Scope).ToHashSet());
    }

    /// <summary>
    /// Counts one message into each of <paramref name="scopes"/> for <paramref name="hour"/>: one update for the rows
    /// <paramref name="counts"/> saw, new rows (saved with the caller's next save) for the others. The caller holds the
    /// gate, so no other admission creates the same row meanwhile.
    /// </summary>
    public static async Task CountAsync(IdpDbContext database, IReadOnlyCollection<string> scopes, DateTime hour, Counts counts,
        CancellationToken cancellationToken)
    {
        var existing = scopes.Where(counts.RowsThisHour.Contains).ToArray();
        if (existing.Length > 0)
        {
            await database.Set<SmsVolume>().Where(volume => existing.Contains(volume.Scope) && volume.HourStart == hour)
                .ExecuteUpdateAsync(set => set.SetProperty(volume => volume.Messages, volume => volume.Messages + 1), cancellationToken);
        }

        foreach (var scope in scopes.Except(existing).Distinct())
        {
            database.Add(new SmsVolume { Scope = scope, HourStart = hour, Messages = 1 });
        }
    }

    /// <summary>Adds each scope's count for <paramref name="hour"/> (messages an administrator released); under the gate.</summary>
    public static async Task AddAsync(IdpDbContext database, IReadOnlyDictionary<string, int> counts, DateTime hour,
        CancellationToken cancellationToken)
    {
        foreach (var (scope, messages) in counts)
        {
            if (await database.Set<SmsVolume>().Where(volume => volume.Scope == scope && volume.HourStart == hour)
                    .ExecuteUpdateAsync(set => set.SetProperty(volume => volume.Messages, volume => volume.Messages + messages),
                        cancellationToken) == 0)
            {
                database.Add(new SmsVolume { Scope = scope, HourStart = hour, Messages = messages });
            }
        }
    }

    /// <summary>
    /// A scope's counters from 8 days to 1 day before <paramref name="hour"/>, by hour; null while the installation has
    /// counted for less than 7 days (no baseline: only the budgets apply).
    /// </summary>
    public static async Task<IReadOnlyDictionary<DateTime, int>?> WeekBeforeAsync(IdpDbContext database, string scope, DateTime hour,
        CancellationToken cancellationToken)
    {
        var baselineStart = hour.AddDays(-7);
        if (!await database.Set<SmsVolume>().AnyAsync(volume => volume.Scope == SmsScopes.Total && volume.HourStart <= baselineStart,
                cancellationToken))
        {
            return null;
        }

        var from = baselineStart.AddHours(-1);
        var until = hour.AddDays(-1);
        return await database.Set<SmsVolume>().AsNoTracking()
            .Where(volume => volume.Scope == scope && volume.HourStart >= from && volume.HourStart <= until)
            .ToDictionaryAsync(volume => volume.HourStart, volume => volume.Messages, cancellationToken);
    }
}
