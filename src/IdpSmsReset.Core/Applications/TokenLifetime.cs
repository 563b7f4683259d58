namespace IdpSmsReset.Core.Applications;

/// <summary>
/// One token lifetime an application may set: its field in the bootstrap file, OpenIddict's application setting that
/// carries it, its bounds, and the unit it is given in (the dashboard's unit too, so a value it shows is exactly the
/// value stored). See <see cref="TokenLifetimes"/> for each.
/// </summary>
public sealed record TokenLifetime(
    string Field, string Setting, Func<ApplicationDefinition, TimeSpan?> Of, TimeSpan Min, TimeSpan Max, TimeSpan Unit, string UnitName)
{
    /// <summary>What is wrong with the application's value, in words for the bootstrap file and the dashboard alike.</summary>
    public string? ProblemOf(ApplicationDefinition application) => Of(application) switch
    {
        null => null,
        var value when value < Min || value > Max => $"must be between {Words(Min)} and {Words(Max)}.",
        var value when value.Value.Ticks % Unit.Ticks != 0 => $"must be a whole number of {UnitName}s.",
        _ => null,
    };

    /// <summary>A count of units as typed; one too large for a lifetime counts as the longest, which the bounds refuse.</summary>
    public TimeSpan? FromCount(int? count) => count switch
    {
        null => null,
        > 0 when count > TimeSpan.MaxValue.Ticks / Unit.Ticks => TimeSpan.MaxValue,
        < 0 when -count > TimeSpan.MaxValue.Ticks / Unit.Ticks => TimeSpan.MinValue,
        _ => Unit * count.Value,
    };

    public int? CountOf(TimeSpan? lifetime) => lifetime is { } value ? (int)(value.Ticks / Unit.Ticks) : null;

    private string Words(TimeSpan span)
    {
        var (count, unit) = span.Ticks % TimeSpan.TicksPerDay == 0 ? (span.TotalDays, "day")
            : span.Ticks % TimeSpan.TicksPerHour == 0 ? (span.TotalHours, "hour")
            : (span.TotalMinutes, "minute");
        return count == 1 ? $"1 {unit}" : $"{count:0} {unit}s";
    }
}
