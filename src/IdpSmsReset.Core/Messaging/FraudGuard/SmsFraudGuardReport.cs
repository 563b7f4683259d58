using IdpSmsReset.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>What the dashboard and the management API show of the guard: figures by country, held messages, surges.</summary>
public sealed class SmsFraudGuardReport(IdpDbContext database, SmsFraudGuardDirectory directory, TimeProvider time)
{
    /// <summary>Every country with messages in the last 7 days or held ones, busiest first.</summary>
    public async Task<IReadOnlyList<SmsCountryFigures>> CountriesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var hour = SmsVolumes.HourOf(now);
        var (dayStart, weekStart) = (hour.AddHours(-23), hour.AddDays(-7).AddHours(1));
        var settings = await directory.SettingsAsync(cancellationToken);
        var volumes = await database.Set<SmsVolume>().AsNoTracking()
            .Where(volume => volume.Scope.StartsWith("country:") && volume.HourStart >= weekStart)
            .Select(volume => new { volume.Scope, volume.HourStart, volume.Messages }).ToListAsync(cancellationToken);
        var held = await database.Set<OutboundSms>().AsNoTracking().Where(message => message.Status == OutboundSmsStatus.Held)
            .GroupBy(message => message.Country).Select(group => new { group.Key, Count = group.Count() })
            .ToDictionaryAsync(group => group.Key, group => group.Count, cancellationToken);
        var suspected = (await ActiveSurgesAsync(cancellationToken)).Select(SmsScopes.CountryOf).ToHashSet();
        return volumes.Select(volume => SmsScopes.CountryOf(volume.Scope)).Concat(held.Keys).Distinct()
            .Select(country => new SmsCountryFigures(country,
                volumes.Where(v => v.Scope == SmsScopes.Country(country) && v.HourStart >= dayStart).Sum(v => v.Messages),
                volumes.Where(v => v.Scope == SmsScopes.Country(country)).Sum(v => v.Messages),
                settings.DailyBudgetOf(country), held.GetValueOrDefault(country), suspected.Contains(country),
                settings.PriceOf(country)))
            .OrderByDescending(figures => figures.LastWeek).ThenBy(figures => figures.Country, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<HeldSmsGroup>> HeldAsync(CancellationToken cancellationToken)
    {
        var groups = await database.Set<OutboundSms>().AsNoTracking().Where(message => message.Status == OutboundSmsStatus.Held)
            .GroupBy(message => message.HoldScope)
            .Select(group => new
            {
                group.Key, Count = group.Count(), First = group.Min(m => m.CreatedAt), Last = group.Max(m => m.ExpiresAt),
            })
            .ToListAsync(cancellationToken);
        return groups.Select(group => new HeldSmsGroup(group.Key ?? SmsScopes.Total, group.Count, group.First, group.Last))
            .OrderByDescending(group => group.Messages).ToList();
    }

    /// <summary>The scopes of the surge marks that last now: their reset codes need proof of work.</summary>
    public async Task<IReadOnlyList<string>> ActiveSurgesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await database.Set<SmsFraudAlert>().AsNoTracking()
            .Where(alert => alert.Kind == SmsFraudAlert.Surge && alert.Until > now)
            .Select(alert => alert.Scope).Distinct().ToListAsync(cancellationToken);
    }
}

/// <summary>The messages one spent budget (<see cref="Scope"/>) holds, for an administrator to release or discard together.</summary>
public sealed record HeldSmsGroup(string Scope, int Messages, DateTime FirstHeldAt, DateTime LastExpiresAt)
{
    public string Description => SmsScopes.Describe(Scope);
}

/// <summary>One country's row on the dashboard: what went (let through by the guard), what it cost, what waits.</summary>
public sealed record SmsCountryFigures(
    string Country, int LastDay, int LastWeek, int DailyBudget, int Held, bool Suspected, decimal Price)
{
    /// <summary>The share of the daily budget the last 24 hours used, in percent.</summary>
    public int BudgetUsedPercent => DailyBudget == 0 ? 0 : (int)Math.Round(100.0 * LastDay / DailyBudget);

    public decimal CostLastDay => LastDay * Price;

    public decimal CostLastWeek => LastWeek * Price;
}
