using System.Globalization;

namespace IdpSmsReset.Server.Features.Shared;

/// <summary>
/// Every date a page shows, in one form per language: day, the month's short name in that language, year, and a 24-hour
/// time, in UTC (the pages say so), never the server's own time zone. A list of events adds the seconds.
/// </summary>
public static class Dates
{
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string Show(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    public static string Show(DateTimeOffset? at) => at is { } value ? Show(value) : "";

    /// <summary>With the seconds: for logs, where the order of events within a minute matters.</summary>
    public static string Precise(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm:ss", CultureInfo.CurrentCulture);

    public static string Precise(DateTimeOffset? at) => at is { } value ? Precise(value) : "";

    // The database's DateTime columns hold UTC.
    public static string Day(DateTime at) => Day(Utc(at));

    public static string Show(DateTime at) => Show(Utc(at));

    public static string Show(DateTime? at) => at is { } value ? Show(value) : "";

    public static string Precise(DateTime at) => Precise(Utc(at));

    public static string Precise(DateTime? at) => at is { } value ? Precise(value) : "";

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
