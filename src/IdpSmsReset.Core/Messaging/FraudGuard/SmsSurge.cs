namespace IdpSmsReset.Core.Messaging.FraudGuard;

/// <summary>
/// Surge detection from hourly counters: the last 60 minutes are this hour's count and the share of the hour before
/// that still falls within them; the baseline is the median of the same 60 minutes on each of the 7 days before, so a
/// weekly or daily rhythm is no surge and one odd day does not move it.
/// </summary>
public static class SmsSurge
{
    public static double LastHour(int thisHour, int hourBefore, DateTime now) =>
        thisHour + hourBefore * (1 - (now.Minute * 60 + now.Second) / 3600.0);

    public static double Baseline(IReadOnlyDictionary<DateTime, int> week, DateTime now)
    {
        var hour = SmsVolumes.HourOf(now);
        var days = Enumerable.Range(1, 7)
            .Select(day => hour.AddDays(-day))
            .Select(then => LastHour(week.GetValueOrDefault(then), week.GetValueOrDefault(then.AddHours(-1)), now))
            .Order()
            .ToArray();
        return days[days.Length / 2];
    }

    public static bool IsSurge(double lastHour, double baseline, double factor) =>
        lastHour >= SmsFraudGuardSettings.SurgeMinimum && lastHour > factor * baseline;
}
